// The floor of whole-process latency in scripts/benchmark: a program linked to Xapian
// and ICU (as corpus-search is) that touches one symbol of each, so the dynamic loader
// maps and relocates both libraries, and does nothing else.
#include <unicode/uversion.h>
#include <xapian.h>

int main() {
    UVersionInfo icu{};
    u_getVersion(icu);
    return Xapian::major_version() > 0 && icu[0] > 0 ? 0 : 1;
}
