// The separately compiled atlas: see include/atlas/src.hpp.
#include <atlas/src.hpp>
