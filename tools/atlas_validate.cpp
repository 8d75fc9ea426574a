// atlas-validate: see atlas_validate.hpp.
#include "atlas_validate.hpp"

#include <unistd.h>

int main(int argc, char** argv)
{
    std::ios::sync_with_stdio(false);
    std::vector<std::string_view> args(argv + 1, argv + argc);
    const bool color = isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
    return atlas::cli::run(args, std::cin, std::cout, std::cerr, color, isatty(STDIN_FILENO) == 1);
}
