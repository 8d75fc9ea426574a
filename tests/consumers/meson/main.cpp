// A program outside the atlas tree, built against an installed atlas: it validates one request
// payload and prints the report, as a user's program would.
//   consumer FILE        the JSON report on stdout (the text one on stderr when invalid);
//                        exit 0 when valid, 1 when invalid, 2 when FILE cannot be read,
//                        3 when a valid request does not read into the typed model
//   consumer --version   atlas::version, which must equal the package's version
#include <atlas/atlas.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: consumer FILE | --version\n";
        return 2;
    }
    const std::string arg = argv[1];
    if (arg == "--version") {
        std::cout << atlas::version << "\n";
        return 0;
    }
    std::ifstream in(arg, std::ios::binary);
    if (!in) {
        std::cerr << arg << ": cannot open\n";
        return 2;
    }
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const atlas::report report = atlas::validate_request(text);
    std::cout << report.to_json() << "\n";
    if (!report.valid()) {
        std::cerr << report.to_text(text);
        return 1;
    }
    // A valid request also reads into the typed model. This is the part that calls into
    // libboost_json, so a package that lost the Boost.JSON link fails to link here.
    try {
        (void)atlas::parse_request(text);
    } catch (const std::exception& e) {
        std::cerr << arg << ": valid, but the typed model rejects it: " << e.what() << "\n";
        return 3;
    }
    return 0;
}
