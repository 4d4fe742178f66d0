package dev.berth.dockerfile.syntax;

import java.util.Objects;

/**
 * A here-document attached to a RUN, COPY or ADD instruction ({@code <<EOF}, {@code <<-EOF},
 * {@code <<"EOF"}, {@code 3<<EOF}).
 *
 * <p>As in BuildKit, {@code content} is the text exactly as written: every line with its own line ending,
 * leading tabs kept even when {@code chomp} is set. {@link #chompedContent()} applies the {@code <<-} rule.
 *
 * @param name the delimiter word, quotes removed
 * @param fileDescriptor the number written before {@code <<}, 0 when none was
 * @param expand false when any part of the delimiter was quoted: the content is then not expanded
 * @param chomp true for {@code <<-}: leading tabs are stripped from the content and the delimiter line
 * @param content the lines between the instruction and the delimiter line, line endings included
 */
public record Heredoc(String name, int fileDescriptor, boolean expand, boolean chomp, String content) {

    public Heredoc {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (fileDescriptor < 0) {
            throw new IllegalArgumentException("file descriptor must not be negative: " + fileDescriptor);
        }
    }

    /** The content with leading tabs removed from every line when {@code chomp} is set, as is otherwise. */
    public String chompedContent() {
        return chomp ? content.replaceAll("(?md)^\\t+", "") : content;
    }

    /** Whether {@code word} is a here-document marker, as BuildKit's parser would read it ({@code <<EOF}, {@code <<-"X"}). */
    public static boolean isMarker(String word) {
        return HeredocFinder.marker(word).isPresent();
    }

    Heredoc withContent(String text) {
        return new Heredoc(name, fileDescriptor, expand, chomp, text);
    }
}
