#include "core/defaultservices.h"

using namespace Qt::Literals::StringLiterals;

namespace vox {

const QList<ServiceTemplate> &defaultServices()
{
    static const QList<ServiceTemplate> services{
        {u"Botox"_s, 40000, {u"botox"_s, u"wrinkle"_s, u"injection"_s}, 30, 0, 10},
        {u"Facelift"_s, 800000, {u"facelift"_s, u"face lift"_s}, 60, 0, 15},
        {u"Rhinoplasty"_s, 600000, {u"rhinoplasty"_s, u"nose job"_s}, 60, 0, 15},
        {u"Breast Augmentation"_s,
         750000,
         {u"breast augmentation"_s, u"breast implants"_s, u"breast enlargement"_s},
         60,
         0,
         15},
        {u"Liposuction"_s, 500000, {u"liposuction"_s, u"lipo"_s, u"fat removal"_s}, 60, 0, 15},
        {u"Fillers"_s,
         50000,
         {u"filler"_s, u"fillers"_s, u"lip filler"_s, u"dermal filler"_s},
         45,
         0,
         15},
        {u"Consultation"_s, 15000, {u"consultation"_s, u"consult"_s}, 30, 0, 0},
    };
    return services;
}

const QList<OpeningHours> &defaultBusinessHours()
{
    static const QList<OpeningHours> hours{
        {1, u"09:00"_s, u"17:00"_s}, {2, u"09:00"_s, u"17:00"_s}, {3, u"09:00"_s, u"17:00"_s},
        {4, u"09:00"_s, u"17:00"_s}, {5, u"09:00"_s, u"17:00"_s}, {6, u"10:00"_s, u"14:00"_s},
    };
    return hours;
}

} // namespace vox
