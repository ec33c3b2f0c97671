package dev.bosun.model;

import static java.util.Objects.requireNonNull;

/**
 * A position in a source file: the file as the user named it, and a 1-based line and column.
 *
 * <p>{@link #toString()} renders {@code file:line:column}, the form compilers and editors
 * understand.
 *
 * @param file the file name or path, as given by the user (never null)
 * @param line the 1-based line
 * @param column the 1-based column
 */
public record Location(String file, int line, int column) implements Comparable<Location> {

  /** Checks the components. */
  public Location {
    requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException(
          "line and column are 1-based, got " + line + ":" + column + " in " + file);
    }
  }

  /** Orders by file, then line, then column. */
  @Override
  public int compareTo(Location other) {
    int byFile = file.compareTo(other.file);
    if (byFile != 0) {
      return byFile;
    }
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : Integer.compare(column, other.column);
  }

  /** Returns {@code file:line:column}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
