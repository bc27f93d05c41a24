package dev.wisex.parser.analysis.archfixture;

import dev.wisex.parser.write.SectionEncoder;

/** Breaks [codec-model-below-writers-and-analyses]: an analysis reads modules, it never writes. */
public final class AnalysisUsesWriter {
  private AnalysisUsesWriter() {}

  public static byte[] dataCount() {
    return SectionEncoder.dataCount(0);
  }
}
