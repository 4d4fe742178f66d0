/**
 * The façade's Compose part: {@code berth compose up/down/ps/logs/exec/run/stop/start/restart/rm/kill/ls/port/build/
 * pull} over {@link dev.berth.api.Berth}'s own calls (build, pull, detached containers, networks, volumes, execs),
 * never below them. A project's state is only the {@code com.docker.compose.*} labels on its containers, networks
 * and volumes, as in Docker Compose, so any process finds it again ({@code -p NAME ps} anywhere, after a crash).
 *
 * <p>{@code ServiceSpecReader} reads the loaded model into typed {@code ServiceSpec}s, {@code ConvergencePlanner}
 * compares them with the labelled containers (a pure function, unit-tested from labels), and {@code ProjectUp}
 * acts on the plan, services in dependency order on virtual threads, under a per-project {@code ProjectLock}.
 * The adapters {@code NetworkJoin} and {@code HealthSupport} are the one place each that knows how much of
 * multi-network joining and health checks the façade offers.
 *
 * <p>This package depends on {@code dev.berth.api}, never the reverse (no package cycles): clients reach it by
 * {@link dev.berth.api.compose.ComposeProjectRuns#open}.
 */
package dev.berth.api.compose;
