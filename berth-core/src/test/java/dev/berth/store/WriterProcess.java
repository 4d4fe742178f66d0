package dev.berth.store;

import dev.berth.image.Digest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A {@link StoreWriterMain} in its own JVM, and the tags it reported durable on its output. */
final class WriterProcess {

    private final Process process;
    private final Map<String, Digest> tagged = new ConcurrentHashMap<>();
    private final CountDownLatch firstLine = new CountDownLatch(1);
    private final Thread reader;

    private WriterProcess(Process process) {
        this.process = process;
        this.reader = Thread.ofVirtual().start(this::readOutput);
    }

    static WriterProcess start(Path root, String writer, int count) throws IOException {
        return start(root, writer, Integer.toString(count));
    }

    static WriterProcess startCollector(Path root) throws IOException {
        return start(root, "collector", "collect");
    }

    private static WriterProcess start(Path root, String writer, String count) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), StoreWriterMain.class.getName(),
                root.toString(), writer, count))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new WriterProcess(process);
    }

    /** Waits until the process reported its first tag or collection: it is past start-up. */
    boolean awaitWorking(long seconds) throws InterruptedException {
        return firstLine.await(seconds, TimeUnit.SECONDS);
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        reader.join();
    }

    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("writer did not finish within " + seconds + " s");
        }
        reader.join();
        return process.exitValue();
    }

    Map<String, Digest> tagged() {
        return Map.copyOf(tagged);
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split(" ");
                if (fields.length == 3 && fields[0].equals("tagged")) {
                    tagged.put(fields[1], Digest.parse(fields[2]));
                }
                firstLine.countDown();
            }
        } catch (IOException killed) {
            // The stream ends abruptly when the process is killed; what was read is what counts.
        }
    }
}
