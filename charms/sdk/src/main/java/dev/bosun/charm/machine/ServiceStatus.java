package dev.bosun.charm.machine;

/**
 * The state of a supervised service.
 *
 * @param name the service name
 * @param running whether its process is running now
 * @param pid the process id, or -1 when not running
 * @param restarts how many times the supervisor restarted it after a crash
 */
public record ServiceStatus(String name, boolean running, long pid, int restarts) {}
