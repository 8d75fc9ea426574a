// atlas-roundtrip: reads request payloads, converts them to the typed model and back, prints the result.
// Shows that the model keeps every member (absent, null and value) and every unknown member.
#include <atlas/atlas.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv)
{
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        try {
            const boost::json::value original = boost::json::parse(text.str());
            const auto request = boost::json::value_to<atlas::update_campaign_request>(original);
            const boost::json::value again = boost::json::value_from(request);
            std::cout << argv[i] << ": " << (again == original ? "lossless" : "CHANGED") << "\n"
                      << boost::json::serialize(again) << "\n";
            if (again != original)
                status = 1;
        } catch (const std::exception& e) {
            std::cerr << argv[i] << ": " << e.what() << "\n";
            status = 1;
        }
    }
    return status;
}
