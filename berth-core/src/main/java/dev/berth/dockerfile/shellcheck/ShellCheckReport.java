package dev.berth.dockerfile.shellcheck;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What {@code shellcheck -f json1} prints: its comments; the fields Berth reads, the rest (fixes) ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ShellCheckReport(List<Comment> comments) {

    ShellCheckReport {
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    /** One comment: the file, its 1-based range (tabs count as one column in json1), level, code and message. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Comment(String file, int line, int endLine, int column, int endColumn, String level, int code,
            String message) {
    }
}
