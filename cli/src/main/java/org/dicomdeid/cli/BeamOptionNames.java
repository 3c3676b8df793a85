package org.dicomdeid.cli;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.dicomdeid.pipeline.DeidOptions;

/** The option names Beam's parser accepts: the properties of every registered options class. */
final class BeamOptionNames {
  private BeamOptionNames() {}

  static Set<String> all() {
    PipelineOptionsFactory.register(DeidOptions.class);
    Set<String> names = new TreeSet<>();
    for (Class<? extends PipelineOptions> c : PipelineOptionsFactory.getRegisteredOptions()) {
      for (Method m : c.getMethods()) {
        String n = m.getName();
        int cut = n.startsWith("get") ? 3 : n.startsWith("is") ? 2 : 0;
        if (cut > 0 && n.length() > cut && m.getParameterCount() == 0) {
          names.add(n.substring(cut, cut + 1).toLowerCase(Locale.ROOT) + n.substring(cut + 1));
        }
      }
    }
    return names;
  }

  /** The registered options class called {@code name} (simple or full name), or null. */
  static Class<? extends PipelineOptions> named(String name) {
    PipelineOptionsFactory.register(DeidOptions.class);
    for (Class<? extends PipelineOptions> c : PipelineOptionsFactory.getRegisteredOptions()) {
      if (c.getSimpleName().equals(name) || c.getName().equals(name)) {
        return c;
      }
    }
    return null;
  }
}
