package dev.bosun.model.spec;

import dev.bosun.model.Problem;
import dev.bosun.model.ValidationException;
import java.util.List;

/** Thrown by {@link ModelSpec.Builder#build()} when the model has errors; carries every problem. */
public class ModelSpecException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from every problem found. */
  public ModelSpecException(List<Problem> problems) {
    super("the model has the following errors:", problems);
  }
}
