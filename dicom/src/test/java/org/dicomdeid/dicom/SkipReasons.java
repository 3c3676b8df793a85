package org.dicomdeid.dicom;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why a test was skipped (a failed assumption, {@code @Disabled}) on the test output, where
 * Surefire's summary only counts it. Registered for every module through the dicom test-jar's
 * {@code META-INF/services}.
 */
public final class SkipReasons implements TestExecutionListener {
  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    print(test, reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      print(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
    }
  }

  private static void print(TestIdentifier test, String reason) {
    String name =
        test.getSource()
            .filter(MethodSource.class::isInstance)
            .map(s -> (MethodSource) s)
            .map(m -> m.getJavaClass().getSimpleName() + "#" + m.getMethodName())
            .orElse(test.getDisplayName());
    // The test's own System.out goes to a file (redirectTestOutputToFile); the process's error
    // stream reaches the build's output.
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    err.println("[SKIPPED] " + name + ": " + reason);
  }
}
