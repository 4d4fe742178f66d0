package dev.berth.plan;

import java.util.Objects;

/**
 * A COPY or ADD source written in the Dockerfile itself, a here-document: a file named after its delimiter,
 * holding {@code content} as the step copies it (variables already expanded, {@code <<-} tabs stripped).
 */
public record InlineFile(String name, String content) {

    public InlineFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("an inline file is named by one path component, not \"" + name + "\"");
        }
    }
}
