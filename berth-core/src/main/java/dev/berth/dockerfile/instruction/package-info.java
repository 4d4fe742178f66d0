/**
 * Typed Dockerfile instructions: the second step of the frontend, after {@code dockerfile.syntax}.
 *
 * <p>Takes the syntax tree's {@code Node}s and gives a sealed {@link dev.berth.dockerfile.instruction.Instruction}
 * per node ({@link dev.berth.dockerfile.instruction.InstructionParser}), validated as Docker validates
 * them (flags per keyword, argument counts, RUN mounts, HEALTHCHECK durations, EXPOSE ports) with
 * positioned diagnostics, then groups them into a {@link dev.berth.dockerfile.instruction.Dockerfile} of
 * global ARGs and {@link dev.berth.dockerfile.instruction.Stage}s
 * ({@link dev.berth.dockerfile.instruction.DockerfileReader}). Nothing here expands variables or resolves
 * stage references; {@code dockerfile.check} and the planner do that.
 */
package dev.berth.dockerfile.instruction;
