// In-process A/B timing of atlas revisions (bench/ab/ab.sh): loads one shared object per revision and times them on
// the same corpus, round after round in alternation, so a machine that speeds up or slows down (a shared VM swings by
// 20% within minutes) moves every side alike. Separate processes, even alternated, could not tell a 5% change here.
//
//   ab ROUNDS SIDE.so...
#include "corpus.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>
#include <vector>

using validate_fn = std::size_t (*)(const std::vector<std::string>*);

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: ab ROUNDS SIDE.so...\n");
        return 2;
    }
    const int rounds = std::max(1, std::atoi(argv[1]));
    const auto corpus = atlas::bench::make_corpus(20000, 2026); // bench.cpp's corpus
    std::vector<std::string> texts;
    std::size_t bytes = 0;
    for (const auto& payload : corpus) {
        texts.push_back(payload.text);
        bytes += payload.text.size();
    }
    struct side {
        const char* name;
        validate_fn validate;
        std::vector<double> seconds;
        std::size_t valid = 0;
    };
    std::vector<side> sides;
    for (int i = 2; i < argc; ++i) {
        void* object = dlopen(argv[i], RTLD_NOW | RTLD_LOCAL);
        const auto validate = object ? reinterpret_cast<validate_fn>(dlsym(object, "atlas_ab_validate")) : nullptr;
        if (!validate) {
            std::fprintf(stderr, "%s: %s\n", argv[i], dlerror());
            return 2;
        }
        const char* slash = std::strrchr(argv[i], '/');
        sides.push_back({slash ? slash + 1 : argv[i], validate, {}, 0});
    }
    for (int round = 0; round < rounds; ++round)
        for (side& s : sides) {
            const auto start = std::chrono::steady_clock::now();
            s.valid = s.validate(&texts);
            s.seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
    std::printf("%zu payloads, %.1f MB, %d alternating rounds\n", texts.size(), bytes / 1e6, rounds);
    std::printf("| side | best MB/s | median MB/s | best vs first side | valid |\n|---|---:|---:|---:|---:|\n");
    const double first_best = *std::min_element(sides[0].seconds.begin(), sides[0].seconds.end());
    int status = 0;
    for (side& s : sides) {
        std::sort(s.seconds.begin(), s.seconds.end());
        std::printf("| %s | %.1f | %.1f | %.3f× | %zu |\n", s.name, bytes / s.seconds.front() / 1e6,
                    bytes / s.seconds[s.seconds.size() / 2] / 1e6, first_best / s.seconds.front(), s.valid);
        if (s.valid != sides[0].valid) status = 1; // a speed-up that changes verdicts is no speed-up
    }
    return status;
}
