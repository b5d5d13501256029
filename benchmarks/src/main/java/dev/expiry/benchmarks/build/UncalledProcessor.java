package dev.expiry.benchmarks.build;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * An annotation processor that supports one annotation no corpus uses, so that javac never calls
 * it: what javac spends only because a processor is on the path (it still runs a processing round
 * and the final round, which enters every source again). Below this, no processor can go.
 */
public final class UncalledProcessor extends AbstractProcessor {

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.expiry.benchmarks.build.NoSourceUsesThis");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    throw new AssertionError("javac called a processor for an annotation no source uses");
  }
}
