// One side of the A/B comparison (bench/ab/ab.sh): atlas::validator over the corpus, built into a shared object
// against one revision's headers, header-only. Each side is its own object with hidden symbols, so both sides can be
// loaded in one process without sharing a single inline function.
#include <atlas/atlas.hpp>

#include <string>
#include <vector>

extern "C" __attribute__((visibility("default"))) std::size_t atlas_ab_validate(const std::vector<std::string>* texts)
{
    static atlas::validator validator; // reused, as a service would: allocation-free on clean payloads
    std::size_t valid = 0;
    for (const std::string& text : *texts)
        valid += validator.validate_request(text).valid() ? 1 : 0;
    return valid;
}
