#include "core/sqlstate.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::sqlstate {

bool isUnavailable(const Error &error)
{
    const QString &code = error.sqlstate;
    return (code.size() == 5 && code.startsWith(u"08"_s)) || code == u"57P01"_s ||
           code == u"57P02"_s || code == u"57P03"_s || code == u"53300"_s;
}

} // namespace vox::sqlstate
