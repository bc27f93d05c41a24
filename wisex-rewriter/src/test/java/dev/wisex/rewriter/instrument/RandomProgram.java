package dev.wisex.rewriter.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random structured program in WAT for {@link FunctionSplitterTest}: one exported function {@code
 * run (param i32) (result i64)} of nested loops, ifs, fall-through switches, blocks with a result
 * or parameters, unreachable code, branches to any label that takes no value, returns and branches
 * to the function's label with a value, over six shared {@code i64} locals, memory and a global.
 * Every loop counts down a counter of its own nesting level at its top, so every program ends.
 */
final class RandomProgram {
  private static final int LOCALS = 6;
  private static final int MAX_LOOP_DEPTH = 3;

  /** A label in scope: its name, and whether a random branch may target it (it takes no value). */
  private record Label(String name, boolean plain) {}

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private final List<Label> labels = new ArrayList<>();
  private int budget; // statements left
  private int names;
  private int loopDepth;
  private final boolean traps;

  RandomProgram(Random random) {
    this(random, 20 + random.nextInt(60), false);
  }

  /**
   * A program of about {@code statements} statements, with an init function ({@code
   * wizex.initialize}) that stores what {@code run} returns for a few arguments in memory.
   */
  RandomProgram(Random random, int statements) {
    this(random, statements, true);
  }

  private RandomProgram(Random random, int statements, boolean fill) {
    this.random = random;
    this.traps = !fill; // init must not trap
    this.budget = statements;
    out.append("(module\n")
        .append("  (type $pair (func (param i64 i64) (result i64)))\n")
        .append("  (memory (export \"memory\") 1)\n")
        .append("  (global $steps (export \"steps\") (mut i32) (i32.const 0))\n")
        .append("  (global $fuel (mut i32) (i32.const 100000))\n")
        .append("  (func $mix (param i64 i64) (result i64)\n")
        .append("    (i64.add (i64.mul (local.get 0) (i64.const 31)) (local.get 1)))\n")
        .append("  (func (export \"run\") (param $a i32) (result i64)\n   ");
    for (int i = 0; i < LOCALS; i++) {
      out.append(" (local $x").append(i).append(" i64)");
    }
    for (int i = 0; i < MAX_LOOP_DEPTH; i++) {
      out.append(" (local $c").append(i).append(" i32)");
    }
    out.append('\n');
    for (int i = 0; i < LOCALS; i++) {
      out.append("    (local.set $x").append(i).append(' ').append(expr(2)).append(")\n");
    }
    do {
      statements(3);
    } while (fill && budget > 0);
    out.append("    (i64.xor (local.get $x0) (i64.add (i64.rotl (local.get $x1) (i64.const 7))")
        .append(" (i64.xor (local.get $x2) (i64.add (local.get $x3) (i64.mul (local.get $x4)")
        .append(" (i64.add (local.get $x5) (i64.const 1)))))))\n  )\n")
        .append("  (func (export \"wizex.initialize\") (local $i i32)\n")
        .append("    (loop $each (i64.store (i32.add (i32.const 2048) (i32.shl (local.get $i)")
        .append(" (i32.const 3))) (call 1 (i32.mul (local.get $i) (i32.const 3))))\n")
        .append(
            "      (br_if $each (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))")
        .append(" (i32.const 8)))))\n)\n");
  }

  String wat() {
    return out.toString();
  }

  /** The calls to compare: {@code run} with a few arguments. */
  List<long[]> calls() {
    return List.of(new long[] {0}, new long[] {1}, new long[] {6}, new long[] {0xFFFF_FFFFL});
  }

  private void statements(int depth) {
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count && budget > 0; i++) {
      statement(depth);
    }
  }

  private void statement(int depth) {
    budget--;
    int kind = depth <= 0 ? random.nextInt(3) : random.nextInt(14);
    switch (kind) {
      case 0 -> line("(local.set " + local() + ' ' + expr(3) + ')');
      case 1 ->
          line(
              "(i64.store offset=" + 8 * random.nextInt(4) + ' ' + address() + ' ' + expr(2) + ')');
      case 2 -> branch();
      case 3 -> {
        line("(if " + cond());
        line(" (then");
        nested(null, depth);
        line(" ) (else");
        nested(null, depth);
        line("))");
      }
      case 4 -> {
        String name = "$b" + names++;
        line("(block " + name);
        around(new Label(name, true), depth, "(br_if " + name + ' ' + cond() + ')');
        line(")");
      }
      case 5 -> loop(depth);
      case 6 -> switchStatement(depth);
      case 7 -> line("(if " + cond() + " (then (return " + expr(2) + ")))");
      case 8 -> // to the function's label: every label in scope, plus the if's own
          line("(if " + cond() + " (then (br " + (labels.size() + 1) + ' ' + expr(2) + ")))");
      case 9 -> {
        String name = "$v" + names++;
        line("(local.set " + local() + " (block " + name + " (result i64)");
        around(
            new Label(name, false),
            depth,
            "(drop (br_if " + name + ' ' + expr(2) + ' ' + cond() + "))");
        line(expr(2) + "))");
      }
      case 10 -> {
        String name = "$d" + names++;
        line("(block " + name);
        around(new Label(name, true), depth, "(br " + name + ')'); // the rest is unreachable
        line(")");
      }
      case 11 ->
          line(
              expr(2)
                  + ' '
                  + expr(2)
                  + " (block (type $pair) (param i64 i64) (result i64) (i64.sub))"
                  + " (local.set "
                  + local()
                  + ')');
      case 12 ->
          line(
              "(if "
                  + cond()
                  + " (then (global.set $steps (i32.const 7))"
                  + (traps ? " unreachable" : "")
                  + "))");
      default ->
          line("(global.set $steps (i32.add (global.get $steps) (i32.wrap_i64 " + expr(1) + ")))");
    }
  }

  /** Statements, then {@code middle}, then statements, inside {@code label}. */
  private void around(Label label, int depth, String middle) {
    nested(
        label,
        depth,
        () -> {
          statements(depth - 1);
          line(middle);
          statements(depth - 1);
        });
  }

  private void nested(Label label, int depth) {
    nested(label, depth, () -> statements(depth - 1));
  }

  private void nested(Label label, int depth, Runnable body) {
    if (label != null) {
      labels.add(label);
    } else {
      labels.add(new Label(null, false)); // an if's label: not a random target
    }
    body.run();
    labels.remove(labels.size() - 1);
  }

  private void loop(int depth) {
    if (loopDepth >= MAX_LOOP_DEPTH) {
      line("(local.set " + local() + ' ' + expr(2) + ')');
      return;
    }
    String counter = "$c" + loopDepth;
    String exit = "$e" + names++;
    String again = "$l" + names++;
    line("(local.set " + counter + " (i32.const " + (1 + random.nextInt(4)) + "))");
    line("(block " + exit);
    labels.add(new Label(exit, true));
    line("(loop " + again);
    loopDepth++;
    nested(
        new Label(again, true),
        depth,
        () -> {
          line("(br_if " + exit + " (i32.eqz (local.get " + counter + ")))");
          // A split that lost the counter must not loop for ever: a global it cannot lose ends it.
          line("(global.set $fuel (i32.sub (global.get $fuel) (i32.const 1)))");
          line("(br_if " + exit + " (i32.le_s (global.get $fuel) (i32.const 0)))");
          line("(local.set " + counter + " (i32.sub (local.get " + counter + ") (i32.const 1)))");
          line("(global.set $steps (i32.add (global.get $steps) (i32.const 1)))");
          statements(depth - 1);
          line("(br " + again + ')');
        });
    loopDepth--;
    labels.remove(labels.size() - 1);
    line("))");
  }

  /** A fall-through switch: a staircase of blocks and a br_table, as C compilers lay one out. */
  private void switchStatement(int depth) {
    int cases = 2 + random.nextInt(4);
    String base = "$s" + names++;
    List<String> caseLabels = new ArrayList<>();
    for (int c = 0; c < cases; c++) {
      caseLabels.add(base + "_" + c);
    }
    String end = base + "_end";
    line("(block " + end);
    labels.add(new Label(end, true));
    for (int c = cases - 1; c >= 0; c--) {
      line("(block " + caseLabels.get(c));
      labels.add(new Label(caseLabels.get(c), true));
    }
    line(
        "(br_table "
            + String.join(" ", caseLabels)
            + ' '
            + end
            + " (i32.and (i32.wrap_i64 "
            + expr(2)
            + ") (i32.const 7)))");
    for (int c = 0; c < cases; c++) {
      labels.remove(labels.size() - 1);
      line(")");
      statements(depth - 1);
    }
    labels.remove(labels.size() - 1);
    line(")");
  }

  private void branch() {
    List<Label> targets = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).plain()) {
        targets.add(labels.get(i));
      }
    }
    if (targets.isEmpty()) {
      line("(local.set " + local() + ' ' + expr(2) + ')');
      return;
    }
    Label target = targets.get(random.nextInt(targets.size()));
    if (random.nextBoolean()) {
      line("(br_if " + target.name() + ' ' + cond() + ')');
    } else {
      line("(if " + cond() + " (then (br " + target.name() + ")))");
    }
  }

  private String local() {
    return "$x" + random.nextInt(LOCALS);
  }

  private String address() {
    return "(i32.and (i32.wrap_i64 " + expr(1) + ") (i32.const 0x3f8))";
  }

  private String cond() {
    return switch (random.nextInt(3)) {
      case 0 -> "(i64.lt_u " + expr(1) + ' ' + expr(1) + ')';
      case 1 -> "(i32.and (local.get $a) (i32.const " + (1 + random.nextInt(7)) + "))";
      default -> "(i64.eqz (i64.and " + expr(1) + " (i64.const 3)))";
    };
  }

  private String expr(int depth) {
    int kind = depth <= 0 ? random.nextInt(3) : random.nextInt(9);
    return switch (kind) {
      case 0 -> "(i64.const " + (random.nextInt(2000) - 1000) + ')';
      case 1 -> "(local.get " + local() + ')';
      case 2 -> "(i64.extend_i32_u (local.get $a))";
      case 3 -> "(i64.add " + expr(depth - 1) + ' ' + expr(depth - 1) + ')';
      case 4 -> "(i64.mul " + expr(depth - 1) + ' ' + expr(depth - 1) + ')';
      case 5 -> "(i64.xor " + expr(depth - 1) + ' ' + expr(depth - 1) + ')';
      case 6 -> "(i64.load " + address() + ')';
      case 7 -> "(call $mix " + expr(depth - 1) + ' ' + expr(depth - 1) + ')';
      default -> "(i64.rotl " + expr(depth - 1) + " (i64.extend_i32_u (global.get $steps)))";
    };
  }

  private void line(String code) {
    out.append("    ").append("  ".repeat(labels.size())).append(code).append('\n');
  }
}
