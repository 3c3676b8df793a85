package org.dicomdeid.dicom.io;

import java.io.IOException;
import java.io.InputStream;

/** Opens a fresh stream over the same input each time it is called. */
@FunctionalInterface
public interface InputOpener {
  InputStream open() throws IOException;
}
