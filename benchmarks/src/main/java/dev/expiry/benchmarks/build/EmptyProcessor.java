package dev.expiry.benchmarks.build;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * An annotation processor that supports every annotation and does nothing: what having any
 * processor on the path costs javac (the processing rounds javac runs, the annotations it collects
 * for them), the floor under every processor's cost. The build benchmark compiles each corpus with
 * it as a third mode.
 */
public final class EmptyProcessor extends AbstractProcessor {

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return false;
  }
}
