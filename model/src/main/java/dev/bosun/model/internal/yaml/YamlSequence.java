package dev.bosun.model.internal.yaml;

import dev.bosun.model.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of nodes.
 *
 * @param items the items, in order
 * @param location where the sequence starts
 */
public record YamlSequence(List<YamlNode> items, Location location) implements YamlNode {

  /** Copies the items. */
  public YamlSequence {
    items = List.copyOf(items);
  }

  @Override
  public String kind() {
    return "sequence";
  }

  @Override
  public Object toJava() {
    List<Object> list = new ArrayList<>(items.size());
    for (YamlNode item : items) {
      list.add(item.toJava());
    }
    return list;
  }
}
