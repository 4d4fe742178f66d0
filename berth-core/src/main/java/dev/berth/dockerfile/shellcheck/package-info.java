/**
 * ShellCheck on the shell-form RUN commands of a Dockerfile, when the {@code shellcheck} program is installed:
 * {@link dev.berth.dockerfile.shellcheck.RunScripts} turns each RUN into the script its shell runs (continuation
 * lines joined as BuildKit joins them, here-documents kept) with the SHELL's dialect and a map from the script's
 * lines back to the Dockerfile's; {@link dev.berth.dockerfile.shellcheck.ShellCheck} runs one {@code shellcheck -f
 * json1} over all of them and maps each comment back to the Dockerfile.
 */
package dev.berth.dockerfile.shellcheck;
