package org.dicomdeid.rules;

/**
 * The action codes of PS3.15 E.1.1 (De-identifier), as used in Table E.1-1.
 *
 * <p>The six single actions are applied by the engine. The five combined codes mean "the first
 * action unless a later one is required to keep the IOD conformant" (Type 3 versus Type 2 versus
 * Type 1). The engine does not know the Type of an attribute in the IOD of the instance at hand, so
 * {@link #resolve()} picks, once and for all, the action that is valid whatever the Type:
 *
 * <table>
 *   <caption>Resolution of the combined codes</caption>
 *   <tr><th>Code</th><th>Resolves to</th><th>Why</th></tr>
 *   <tr><td>Z/D</td><td>D</td><td>a Type 1 attribute needs a non-empty value</td></tr>
 *   <tr><td>X/Z</td><td>Z</td><td>a Type 2 attribute must be present, may be empty</td></tr>
 *   <tr><td>X/D</td><td>D</td><td>a Type 1 attribute needs a non-empty value</td></tr>
 *   <tr><td>X/Z/D</td><td>D</td><td>as X/D: D also satisfies Type 2 and Type 3</td></tr>
 *   <tr><td>X/Z/U*</td><td>U</td><td>sequences of UID references: consistent replacement of
 *       the contained instance UIDs keeps the references valid</td></tr>
 * </table>
 *
 * <p>That is: a combined code resolves to its last (most value-preserving) alternative. D and U
 * replace every identifying value, so resolving to them never leaks more than X would; they only
 * keep the object valid.
 */
public enum Action {
  /** Replace with a non-zero length value that may be a dummy value, consistent with the VR. */
  D("D"),
  /** Replace with a zero length value, or a non-zero length dummy value consistent with the VR. */
  Z("Z"),
  /** Remove. */
  X("X"),
  /** Keep: unchanged for non-sequence attributes, cleaned for sequences. */
  K("K"),
  /** Clean: replace with values of similar meaning known not to identify, consistent with VR. */
  C("C"),
  /** Replace with a non-zero length UID that is internally consistent within a set of instances. */
  U("U"),
  /** Z unless D is required to maintain IOD conformance (Type 2 versus Type 1). */
  Z_D("Z/D"),
  /** X unless Z is required to maintain IOD conformance (Type 3 versus Type 2). */
  X_Z("X/Z"),
  /** X unless D is required to maintain IOD conformance (Type 3 versus Type 1). */
  X_D("X/D"),
  /** X unless Z or D is required to maintain IOD conformance (Type 3 vs Type 2 vs Type 1). */
  X_Z_D("X/Z/D"),
  /** X unless Z or replacement of contained instance UIDs (U) is required (UID sequences). */
  X_Z_U_STAR("X/Z/U*");

  private final String code;

  Action(String code) {
    this.code = code;
  }

  /** The code as written in PS3.15 Table E.1-1, e.g. {@code "X/Z/U*"}. */
  public String code() {
    return code;
  }

  /** True for the five combined codes, which {@link #resolve()} maps to a single action. */
  public boolean isCombined() {
    return resolve() != this;
  }

  /** The single action the engine applies; see the class comment for the table. */
  public Action resolve() {
    switch (this) {
      case Z_D:
      case X_D:
      case X_Z_D:
        return D;
      case X_Z:
        return Z;
      case X_Z_U_STAR:
        return U;
      default:
        return this;
    }
  }

  /**
   * The action for a Table E.1-1 code ({@code "D"}, {@code "X/Z"}, ...); surrounding white space is
   * ignored.
   *
   * @throws IllegalArgumentException if the code is not one of PS3.15 E.1.1
   */
  public static Action parse(String code) {
    if (code != null) {
      String c = code.trim();
      for (Action a : values()) {
        if (a.code.equals(c)) {
          return a;
        }
      }
    }
    throw new IllegalArgumentException("Not a PS3.15 E.1.1 action code: '" + code + "'");
  }
}
