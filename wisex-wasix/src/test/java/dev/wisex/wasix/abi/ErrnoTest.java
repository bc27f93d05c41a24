package dev.wisex.wasix.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every errno constant against its position in the {@code errno} enum of WASI preview1's {@code
 * typenames.witx} (which WASIX keeps): the list below is the spec's order, so a constant's value
 * must be its index.
 */
class ErrnoTest {
  private static final List<String> WITX_ORDER =
      List.of(
          "success",
          "2big",
          "acces",
          "addrinuse",
          "addrnotavail",
          "afnosupport",
          "again",
          "already",
          "badf",
          "badmsg",
          "busy",
          "canceled",
          "child",
          "connaborted",
          "connrefused",
          "connreset",
          "deadlk",
          "destaddrreq",
          "dom",
          "dquot",
          "exist",
          "fault",
          "fbig",
          "hostunreach",
          "idrm",
          "ilseq",
          "inprogress",
          "intr",
          "inval",
          "io",
          "isconn",
          "isdir",
          "loop",
          "mfile",
          "mlink",
          "msgsize",
          "multihop",
          "nametoolong",
          "netdown",
          "netreset",
          "netunreach",
          "nfile",
          "nobufs",
          "nodev",
          "noent",
          "noexec",
          "nolck",
          "nolink",
          "nomem",
          "nomsg",
          "noprotoopt",
          "nospc",
          "nosys",
          "notconn",
          "notdir",
          "notempty",
          "notrecoverable",
          "notsock",
          "notsup",
          "notty",
          "nxio",
          "overflow",
          "ownerdead",
          "perm",
          "pipe",
          "proto",
          "protonosupport",
          "prototype",
          "range",
          "rofs",
          "spipe",
          "srch",
          "stale",
          "timedout",
          "txtbsy",
          "xdev",
          "notcapable");

  @Test
  void everyConstantIsItsWitxIndex() throws IllegalAccessException {
    assertEquals(77, WITX_ORDER.size());
    int checked = 0;
    for (Field field : Errno.class.getFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getName().equals("ESCAPE")) {
        continue;
      }
      String name = field.getName().toLowerCase(Locale.ROOT);
      assertTrue(WITX_ORDER.contains(name), name);
      assertEquals(WITX_ORDER.indexOf(name), field.getInt(null), name);
      checked++;
    }
    assertTrue(checked >= 24, "constants checked: " + checked);
  }
}
