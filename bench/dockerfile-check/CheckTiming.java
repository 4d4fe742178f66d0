// Times DockerfileChecker in one warm JVM: java -cp "berth-cli/target/lib/*" bench/dockerfile-check/CheckTiming.java FILE
import dev.berth.diagnostic.SourceFile;
import dev.berth.dockerfile.check.DockerfileChecker;
import java.nio.file.*;
import java.util.*;
public class CheckTiming {
    public static void main(String[] a) throws Exception {
        SourceFile source = new SourceFile("Dockerfile", Files.readString(Path.of(a[0])));
        DockerfileChecker checker = new DockerfileChecker();
        for (int i = 0; i < 5; i++) checker.check(source, Map.of(), Optional.empty());
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            checker.check(source, Map.of(), Optional.empty());
            best = Math.min(best, System.nanoTime() - t);
        }
        System.out.printf("best of 10 after 5 warm-ups: %.1f ms%n", best / 1e6);
    }
}
