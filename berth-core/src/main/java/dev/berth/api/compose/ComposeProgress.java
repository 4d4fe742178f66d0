package dev.berth.api.compose;

/**
 * Told of each step a Compose command takes, as Docker Compose's progress shows it ({@code Container proj-web-1
 * Started}); the client renders. Called from several threads at once: implementations synchronise.
 */
public interface ComposeProgress {

    /** Nothing shown. */
    ComposeProgress SILENT = new ComposeProgress() {
        @Override
        public void event(String kind, String name, String status, boolean done) {
        }

        @Override
        public void warning(String message) {
        }
    };

    /**
     * @param kind   {@code Container}, {@code Network}, {@code Volume}, {@code Image} or {@code Service}
     * @param name   the resource's name ({@code proj-web-1}, {@code proj_default})
     * @param status Docker's word: {@code Creating}, {@code Created}, {@code Started}, {@code Healthy}, {@code Removed}…
     * @param done   whether this is the step's end (Docker ticks those)
     */
    void event(String kind, String name, String status, boolean done);

    /** Something the user should know that is not an error: an orphan, an ignored key, a fallback. */
    void warning(String message);
}
