/**
 * {@code berth check}'s best-practice rules, beyond BuildKit's build checks: pinned bases and packages, layers that
 * keep package caches, dependency manifests copied after the sources, a final stage running as root, secrets in
 * values and in files a COPY reaches, build tools left in the final stage, EXPOSE without HEALTHCHECK.
 *
 * <p>Each rule is a {@link dev.berth.dockerfile.practice.Practice} with its id, hadolint aliases, level, fix and
 * explanation; {@link dev.berth.dockerfile.practice.PracticeChecker} runs them over a Dockerfile whose variables
 * {@code dockerfile.check} expanded, and drops what the {@code # check=} directive, hadolint's
 * {@code # hadolint ignore=} pragmas or {@code .hadolint.yaml} silence. Reads instructions only: the context is
 * given as the list of paths a build would send.
 */
package dev.berth.dockerfile.practice;
