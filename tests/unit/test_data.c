#include <sys/stat.h>

#include "harness.h"
#include "data.h"

static void
test_tx_data(void **state)
{
	char dir[] = "/tmp/txdata.XXXXXX", path[64];
	char *p;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/x.lex", dir);
	f = fopen(path, "w");
	fclose(f);
	setenv("TX_DATA", dir, 1);
	p = txdata_find("x.lex");
	assert_non_null(p);
	assert_string_equal(p, path);
	free(p);
	/* TX_DATA set: nothing else is searched */
	assert_null(txdata_find("NOTICE"));
	unlink(path);
	rmdir(dir);
	unsetenv("TX_DATA");
}

static void
test_beside_binary(void **state)
{
	/* the test binary is build/tests/unit/test_data: its ../data is build/tests/data */
	const char *dir = "../../build/tests/data", *path = "../../build/tests/data/probe.lex";
	char *p;
	FILE *f;

	(void)state;
	assert_null(txdata_find("probe.lex"));
	mkdir(dir, 0777);
	assert_non_null(f = fopen(path, "w"));
	fclose(f);
	p = txdata_find("probe.lex");
	assert_non_null(p);
	assert_non_null(strstr(p, "/build/tests/data/probe.lex"));
	free(p);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tx_data),
		cmocka_unit_test(test_beside_binary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
