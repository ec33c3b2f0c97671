package dev.bosun.examples.embedded;

import dev.bosun.charm.relation.RelationInterface;
import java.util.List;

/** The {@code greeting} relation interface: what a greeter and its visitors exchange. */
public final class Greetings {
  private Greetings() {}

  // tag::interface[]
  /**
   * What the greeter publishes in its application bag.
   *
   * @param word the word it greets with, {@code Hello}
   * @param visitors the visitors it greets, sorted
   */
  public record Greeting(String word, List<String> visitors) {}

  /**
   * What a visitor publishes in its unit bag.
   *
   * @param name the visitor's name
   */
  public record Visitor(String name) {}

  /** The interface: the greeter (provider) publishes a Greeting, each visitor a Visitor. */
  public static final RelationInterface<Greeting, Visitor> GREETING =
      RelationInterface.of("greeting", Greeting.class, Visitor.class);
  // end::interface[]
}
