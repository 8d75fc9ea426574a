// Fuzz target: any bytes as JSON held in a string field. The skim (detail/json_skim.hpp) may leave any content to
// the reader, but must never vouch for content in which the reader finds an error, a duplicate key or a number too
// large for a double; at every max_depth the reader could be given, and whatever the bytes.
#include "fuzz_common.hpp"

#include <atlas/detail/json_skim.hpp>

#include <memory>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace atlas::detail;
    // A copy of exactly `size` bytes: AddressSanitizer then catches a read past the end.
    const std::unique_ptr<char[]> copy(new char[size]);
    std::copy(data, data + size, copy.get());
    const std::string_view text(copy.get(), size);
    for (const std::size_t max_depth : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{8}, std::size_t{64}}) {
        if (skim_json(text, max_depth) != skim_result::unremarkable)
            continue;
        json_reader reader(text, max_depth);
        atlas::fuzz::check(reader.read_to_end_unremarkable(), "the skim vouched for content the reader reports",
            text.substr(0, 200));
    }
    return 0;
}
