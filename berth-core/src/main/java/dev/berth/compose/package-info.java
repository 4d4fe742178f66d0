/**
 * Docker Compose projects: {@code compose.load} finds and reads the files as the Compose Specification says
 * (interpolation, includes, extends, overrides, short forms made long, reference checks), {@code compose.model}
 * holds the result (a typed tree with source positions, and records for what {@code up} needs) and
 * {@code compose.print} renders it as Docker Compose 2.26.1's {@code config} does. Reads files and an injected
 * environment only: it knows nothing of images, containers or the store.
 */
package dev.berth.compose;
