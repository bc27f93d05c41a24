package dev.wisex.archfixture;

/**
 * Breaks [public-exceptions-extend-wisex-exception]: a public exception outside the WisexException
 * tree.
 */
public class RogueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RogueException(String message) {
    super(message);
  }
}
