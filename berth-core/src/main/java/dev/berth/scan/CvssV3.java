package dev.berth.scan;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/** The base score of a CVSS v3.0/v3.1 vector ({@code CVSS:3.1/AV:N/AC:L/...}), by the specification's formula. */
final class CvssV3 {

    private CvssV3() {
    }

    static OptionalDouble baseScore(String vector) {
        if (!vector.startsWith("CVSS:3.")) {
            return OptionalDouble.empty();
        }
        Map<String, String> m = new HashMap<>();
        for (String part : vector.split("/")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                m.put(part.substring(0, colon), part.substring(colon + 1));
            }
        }
        for (String metric : new String[] {"AV", "AC", "PR", "UI", "S", "C", "I", "A"}) {
            if (!m.containsKey(metric)) {
                // A vector without a base metric has no score: better none than a wrong one.
                return OptionalDouble.empty();
            }
        }
        {
            boolean changed = "C".equals(m.get("S"));
            double av = switch (m.get("AV")) { case "N" -> 0.85; case "A" -> 0.62; case "L" -> 0.55; default -> 0.2; };
            double ac = "L".equals(m.get("AC")) ? 0.77 : 0.44;
            double pr = switch (m.get("PR")) {
                case "N" -> 0.85;
                case "L" -> changed ? 0.68 : 0.62;
                default -> changed ? 0.5 : 0.27;
            };
            double ui = "N".equals(m.get("UI")) ? 0.85 : 0.62;
            double iss = 1 - (1 - cia(m.get("C"))) * (1 - cia(m.get("I"))) * (1 - cia(m.get("A")));
            double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
            double exploitability = 8.22 * av * ac * pr * ui;
            if (impact <= 0) {
                return OptionalDouble.of(0);
            }
            double base = changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10);
            return OptionalDouble.of(roundUp(base));
        }
    }

    private static double cia(String value) {
        return switch (value) { case "H" -> 0.56; case "L" -> 0.22; default -> 0.0; };
    }

    /** CVSS 3.1's Roundup: the smallest one-decimal number at least the input, free of floating-point noise. */
    private static double roundUp(double value) {
        long scaled = Math.round(value * 100000);
        return scaled % 10000 == 0 ? scaled / 100000.0 : (Math.floor(scaled / 10000.0) + 1) / 10.0;
    }
}
