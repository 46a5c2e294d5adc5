/**
 * Triggers as a person edits them: the form model ({@link dev.benchwatch.workspace.trigger.TriggerModel} and
 * its parts), its text form ({@link dev.benchwatch.workspace.trigger.TriggerText}: parser and canonical
 * printer of a small language of conditions) and the mapping onto the engine
 * ({@link dev.benchwatch.workspace.trigger.EngineTrigger}). No JavaFX: the editor view lives in {@code ui}.
 * Reference: docs/TRIGGERS.md.
 */
package dev.benchwatch.workspace.trigger;
