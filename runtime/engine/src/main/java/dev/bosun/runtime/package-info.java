/**
 * The Bosun runtime: takes a model, drives every unit's hooks in Juju's order until the model
 * settles, and reports status.
 */
package dev.bosun.runtime;
