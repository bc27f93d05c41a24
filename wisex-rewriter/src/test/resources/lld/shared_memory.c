static int table[4] = {1, 2, 3, 4};
static char greeting[16] = "hello";
static int counter;
__attribute__((export_name("wizex.initialize"))) void init(void) { counter = table[2] * 14; greeting[0] = 'H'; table[3] = 99; }
__attribute__((export_name("counter"))) int get_counter(void) { return counter; }
__attribute__((export_name("at"))) int at(int i) { return table[i & 3]; }
__attribute__((export_name("ch"))) int ch(int i) { return greeting[i & 15]; }
__attribute__((export_name("set"))) void set(int i, int v) { table[i & 3] = v; }
__attribute__((export_name("bump"))) int bump(void) { return __atomic_add_fetch(&counter, 1, __ATOMIC_SEQ_CST); }
