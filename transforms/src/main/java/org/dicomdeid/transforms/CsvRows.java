package org.dicomdeid.transforms;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * How the rows of one CSV file ({@link WriteSortedCsv}) sort and print: serializable, so the
 * workers that sort and merge carry it.
 */
public interface CsvRows<T> extends Serializable {
  /** The file's order. */
  Comparator<T> order();

  /**
   * Whether {@code later}, which sorts right after {@code kept}, is the same row and is dropped (a
   * merge's replaced row). By default no row is dropped.
   */
  default boolean sameRow(T kept, T later) {
    return false;
  }

  /** The header line's names. */
  List<String> header();

  /** One row's cells. */
  List<Object> cells(T row);
}
