/**
 * Test charms without real services, for the CLI's end-to-end tests: {@code greeter}, {@code
 * counter} (related over {@code greeting}) and {@code sidecar} (a subordinate).
 */
package dev.bosun.testcharms;
