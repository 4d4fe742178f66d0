package dev.berth.dockerfile.practice;

/** How much a rule matters, in SARIF's and hadolint's terms: error, warning, info. */
public enum PracticeLevel {
    ERROR,
    WARNING,
    INFO
}
