package dev.berth.compose.model;

/**
 * The Compose Specification's merge tags: {@code !reset} removes what earlier files set, {@code !override}
 * replaces it instead of merging into it.
 */
public enum MergeTag {
    NONE,
    RESET,
    OVERRIDE
}
