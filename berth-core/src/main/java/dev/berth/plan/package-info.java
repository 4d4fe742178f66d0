/**
 * Turns a Dockerfile into a build graph. Takes the Dockerfile source, the build args and the target;
 * gives a {@link dev.berth.plan.BuildGraph}: the stages the target needs (others dropped), each with its
 * base and its {@link dev.berth.plan.Step}s, fully resolved (variables expanded, flags parsed, stage references
 * and the base image's ONBUILD triggers resolved): a step is all the engine learns of the Dockerfile. Also owns
 * {@link dev.berth.plan.StepKey}, every input of a step's cache key, built from the step's typed fields. Knows
 * nothing of stores, layers or containers: a base image's config is read through
 * {@link dev.berth.plan.BaseImageConfigs}, which the caller implements.
 */
package dev.berth.plan;
