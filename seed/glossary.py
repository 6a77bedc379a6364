"""The glossary's seed: the site's terms in four languages (``docs/architecture.md``,
``glossary/``). Arabic as the seed text (``source_ar.txt``) writes it, the others as agreed
for the texts and the catalogues; official names of the EU's institutions, bodies and agencies
as the EU publishes them, acronyms as accepted variants.

Each language: (approved term, [accepted variants], [forbidden variants]). Arabic forms match
with the article and the prefixes و ف ب ك ل by themselves (``glossary.check``).
"""

from content.languages import language_codes
from glossary.models import Term

AGENCY, INSTITUTION, BODY = Term.Category.AGENCY, Term.Category.INSTITUTION, Term.Category.BODY
TERMS = [
    {
        "key": "cooperation-area",
        "category": Term.Category.GENERAL,
        "note": "One of the fields in which INTERPOL and the EU work together; each has its page.",
        "ar": ("مجال التعاون", ["مجالات التعاون", "مجال تعاون"], []),
        "en": (
            "cooperation area",
            ["cooperation areas", "area of cooperation", "areas of cooperation"],
            [],
        ),
        "fr": ("domaine de coopération", ["domaines de coopération"], []),
        "es": (
            "ámbito de cooperación",
            ["ámbitos de cooperación"],
            ["área de cooperación", "áreas de cooperación", "esta área"],
        ),
    },
    {
        "key": "eu-funded-project",
        "category": Term.Category.GENERAL,
        "note": "An INTERPOL project that the European Union funds, in whole or in part.",
        "ar": (
            "مشروع ممول من الاتحاد الأوروبي",
            ["مشاريع ممولة من الاتحاد الأوروبي", "المشاريع الممولة من الاتحاد الأوروبي"],
            [],
        ),
        "en": ("EU-funded project", ["EU-funded projects"], []),
        "fr": (
            "projet financé par l’UE",
            [
                "projets financés par l’UE",
                "projet financé par l’Union européenne",
                "projets financés par l’Union européenne",
            ],
            [],
        ),
        "es": (
            "proyecto financiado por la UE",
            [
                "proyectos financiados por la UE",
                "proyecto financiado por la Unión Europea",
                "proyectos financiados por la Unión Europea",
            ],
            [],
        ),
    },
    {
        "key": "law-enforcement",
        "category": Term.Category.LAW_ENFORCEMENT,
        "note": "The police and the other agencies that enforce the law.",
        "ar": ("أجهزة إنفاذ القانون", ["إنفاذ القانون"], []),
        "en": ("law enforcement", ["law-enforcement", "law enforcement agencies"], []),
        "fr": (
            "services chargés de l’application de la loi",
            ["application de la loi"],
            ["services répressifs", "service répressif"],
        ),
        "es": (
            "organismos encargados de hacer cumplir la ley",
            ["hacer cumplir la ley", "cumplimiento de la ley"],
            [],
        ),
    },
    {
        "key": "european-union",
        "category": Term.Category.GENERAL,
        "note": "",
        "ar": ("الاتحاد الأوروبي", [], []),
        "en": ("European Union", ["EU"], []),
        "fr": ("Union européenne", ["UE"], []),
        "es": ("Unión Europea", ["UE"], []),
    },
    {
        "key": "interpol",
        "category": Term.Category.LAW_ENFORCEMENT,
        "note": "The International Criminal Police Organization; written in capitals.",
        "ar": ("الإنتربول", ["إنتربول"], []),
        "en": ("INTERPOL", [], []),
        "fr": ("INTERPOL", [], []),
        "es": ("INTERPOL", [], []),
    },
    {
        "key": "eu-agencies",
        "category": Term.Category.GENERAL,
        "note": "The EU's decentralised agencies (Europol, Eurojust, Frontex…).",
        "ar": (
            "وكالات الاتحاد الأوروبي",
            [
                "وكالة الاتحاد الأوروبي",
                "وكالة تابعة للاتحاد الأوروبي",
                # "institutions and agencies": the two terms in one phrase
                "مؤسسات ووكالات الاتحاد الأوروبي",
                "وكالات الاتحاد الأوروبي ومؤسساته",
            ],
            [],
        ),
        "en": (
            "EU agencies",
            [
                "EU agency",
                "agencies of the European Union",
                "EU institutions and agencies",
                "EU agencies and institutions",
            ],
            [],
        ),
        "fr": (
            "agences de l’UE",
            [
                "agence de l’UE",
                "agences de l’Union européenne",
                "agence de l’Union européenne",
                "institutions et agences de l’UE",
                "agences et institutions de l’UE",
            ],
            [],
        ),
        "es": (
            "agencias de la UE",
            [
                "agencia de la UE",
                "agencias de la Unión Europea",
                "agencia de la Unión Europea",
                "instituciones y agencias de la UE",
                "agencias e instituciones de la UE",
            ],
            [],
        ),
    },
    {
        "key": "eu-institutions",
        "category": Term.Category.GENERAL,
        "note": "The seven institutions of Art. 13 TEU; the EEAS is a body, not one of them.",
        "ar": (
            "مؤسسات الاتحاد الأوروبي",
            ["مؤسسة الاتحاد الأوروبي", "مؤسسة تابعة للاتحاد الأوروبي"],
            [],
        ),
        "en": ("EU institutions", ["EU institution", "institutions of the European Union"], []),
        "fr": (
            "institutions de l’UE",
            ["institution de l’UE", "institutions de l’Union européenne"],
            [],
        ),
        "es": (
            "instituciones de la UE",
            ["institución de la UE", "instituciones de la Unión Europea"],
            [],
        ),
    },
    # --- agencies, institutions, bodies: official name, acronym ---
    {
        "key": "europol",
        "category": AGENCY,
        "note": "Europol.",
        "ar": ("وكالة الاتحاد الأوروبي للتعاون في مجال إنفاذ القانون", ["يوروبول"], []),
        "en": ("European Union Agency for Law Enforcement Cooperation", ["Europol"], []),
        "fr": (
            "Agence de l’Union européenne pour la coopération des services répressifs",
            ["Europol"],
            [],
        ),
        "es": ("Agencia de la Unión Europea para la Cooperación Policial", ["Europol"], []),
    },
    {
        "key": "eurojust",
        "category": AGENCY,
        "note": "Eurojust.",
        "ar": ("وكالة الاتحاد الأوروبي للتعاون في مجال العدالة الجنائية", ["يوروجست"], []),
        "en": ("European Union Agency for Criminal Justice Cooperation", ["Eurojust"], []),
        "fr": (
            "Agence de l’Union européenne pour la coopération judiciaire en matière pénale",
            ["Eurojust"],
            [],
        ),
        "es": ("Agencia de la Unión Europea para la Cooperación Judicial Penal", ["Eurojust"], []),
    },
    {
        "key": "frontex",
        "category": AGENCY,
        "note": "Frontex.",
        "ar": ("الوكالة الأوروبية لحرس الحدود والسواحل", ["فرونتكس"], []),
        "en": ("European Border and Coast Guard Agency", ["Frontex"], []),
        "fr": ("Agence européenne de garde-frontières et de garde-côtes", ["Frontex"], []),
        "es": ("Agencia Europea de la Guardia de Fronteras y Costas", ["Frontex"], []),
    },
    {
        "key": "cepol",
        "category": AGENCY,
        "note": "CEPOL.",
        "ar": ("وكالة الاتحاد الأوروبي للتدريب في مجال إنفاذ القانون", ["سيبول"], []),
        "en": ("European Union Agency for Law Enforcement Training", ["CEPOL"], []),
        "fr": (
            "Agence de l’Union européenne pour la formation des services répressifs",
            ["CEPOL"],
            [],
        ),
        "es": ("Agencia de la Unión Europea para la Formación Policial", ["CEPOL"], []),
    },
    {
        "key": "eu-lisa",
        "category": AGENCY,
        "note": "eu-LISA, written so.",
        "ar": (
            "وكالة الاتحاد الأوروبي للإدارة التشغيلية للنظم المعلوماتية الواسعة النطاق في مجال "
            "الحرية والأمن والعدالة",
            ["eu-LISA"],
            [],
        ),
        "en": (
            "European Union Agency for the Operational Management of Large-Scale IT Systems in "
            "the Area of Freedom, Security and Justice",
            ["eu-LISA"],
            [],
        ),
        "fr": (
            "Agence de l’Union européenne pour la gestion opérationnelle des systèmes "
            "d’information à grande échelle au sein de l’espace de liberté, de sécurité et de "
            "justice",
            ["eu-LISA"],
            [],
        ),
        "es": (
            "Agencia de la Unión Europea para la Gestión Operativa de Sistemas Informáticos de "
            "Gran Magnitud en el Espacio de Libertad, Seguridad y Justicia",
            ["eu-LISA"],
            [],
        ),
    },
    {
        "key": "euda",
        "category": AGENCY,
        "note": "The EUDA, until July 2024 the EMCDDA (European Monitoring Centre for Drugs and "
        "Drug Addiction).",
        "ar": (
            "وكالة الاتحاد الأوروبي المعنية بالمخدرات",
            ["المركز الأوروبي لرصد المخدرات والإدمان عليها"],
            [],
        ),
        "en": (
            "European Union Drugs Agency",
            ["EUDA", "EMCDDA", "European Monitoring Centre for Drugs and Drug Addiction"],
            [],
        ),
        "fr": (
            "Agence de l’Union européenne sur les drogues",
            ["EUDA", "OEDT", "Observatoire européen des drogues et des toxicomanies"],
            [],
        ),
        "es": (
            "Agencia de la Unión Europea sobre Drogas",
            ["EUDA", "OEDT", "Observatorio Europeo de las Drogas y las Toxicomanías"],
            [],
        ),
    },
    {
        "key": "european-commission",
        "category": INSTITUTION,
        "note": "An EU institution (Art. 13 TEU).",
        "ar": ("المفوضية الأوروبية", [], []),
        "en": ("European Commission", [], []),
        "fr": ("Commission européenne", [], []),
        "es": ("Comisión Europea", [], []),
    },
    {
        "key": "council-of-the-eu",
        "category": INSTITUTION,
        "note": "An EU institution (Art. 13 TEU); not the European Council, nor the Council of "
        "Europe.",
        "ar": ("مجلس الاتحاد الأوروبي", [], []),
        "en": ("Council of the European Union", ["Council of the EU"], []),
        "fr": ("Conseil de l’Union européenne", ["Conseil de l’UE"], []),
        "es": ("Consejo de la Unión Europea", ["Consejo de la UE"], []),
    },
    {
        "key": "european-parliament",
        "category": INSTITUTION,
        "note": "An EU institution (Art. 13 TEU).",
        "ar": ("البرلمان الأوروبي", [], []),
        "en": ("European Parliament", [], []),
        "fr": ("Parlement européen", [], []),
        "es": ("Parlamento Europeo", [], []),
    },
    {
        "key": "eeas",
        "category": BODY,
        "note": "An EU body, not an institution (Art. 13 TEU lists the institutions): never list "
        "it among them.",
        "ar": ("دائرة العمل الخارجي الأوروبي", [], []),
        "en": ("European External Action Service", ["EEAS"], []),
        "fr": ("Service européen pour l’action extérieure", ["SEAE"], []),
        "es": ("Servicio Europeo de Acción Exterior", ["SEAE"], []),
    },
    # --- the cooperation areas' names and law-enforcement terms ---
    {
        "key": "irregular-migration",
        "category": Term.Category.AREA,
        "note": "A cooperation area.",
        "ar": ("الهجرة غير المشروعة", ["الهجرة غير النظامية"], []),
        "en": ("irregular migration", [], ["illegal migration"]),
        "fr": ("migration irrégulière", ["migrations irrégulières"], []),
        "es": ("migración irregular", [], []),
    },
    {
        "key": "battlefield-evidence",
        "category": Term.Category.AREA,
        "note": "A cooperation area: information gathered in conflict zones, used as evidence.",
        "ar": ("الأدلة من ساحات المعارك", [], []),
        "en": ("battlefield evidence", [], []),
        "fr": (
            "preuves recueillies sur les champs de bataille",
            ["preuves recueillies sur le champ de bataille"],
            [],
        ),
        "es": ("pruebas obtenidas en zonas de combate", [], []),
    },
    {
        "key": "west-africa",
        "category": Term.Category.AREA,
        "note": "A cooperation area.",
        "ar": ("غرب أفريقيا", ["غرب إفريقيا"], []),
        "en": ("West Africa", ["West African"], []),
        "fr": ("Afrique de l’Ouest", [], []),
        "es": ("África Occidental", [], []),
    },
    {
        "key": "e-mla",
        "category": Term.Category.AREA,
        "note": "A cooperation area: the electronic channel for mutual legal assistance requests.",
        "ar": (
            "القناة الإلكترونية المأمونة لإرسال طلبات المساعدة القانونية المتبادلة",
            ["E-MLA"],
            [],
        ),
        "en": ("secure electronic channel for mutual legal assistance requests", ["E-MLA"], []),
        "fr": (
            "canal électronique sécurisé pour la transmission des demandes d’entraide judiciaire",
            ["E-MLA"],
            [],
        ),
        "es": (
            "canal electrónico seguro para la transmisión de solicitudes de asistencia judicial "
            "recíproca",
            ["E-MLA"],
            [],
        ),
    },
    {
        "key": "mutual-legal-assistance",
        "category": Term.Category.LAW_ENFORCEMENT,
        "note": "Help between States' judicial authorities in criminal matters.",
        "ar": ("المساعدة القانونية المتبادلة", [], []),
        "en": ("mutual legal assistance", [], []),
        "fr": ("entraide judiciaire", [], []),
        "es": ("asistencia judicial recíproca", [], []),
    },
    {
        "key": "red-notice",
        "category": Term.Category.LAW_ENFORCEMENT,
        "note": "An INTERPOL request to locate and provisionally arrest a person pending "
        "extradition.",
        "ar": ("النشرة الحمراء", ["نشرة حمراء", "النشرات الحمراء", "نشرات حمراء"], []),
        "en": ("Red Notice", ["Red Notices"], []),
        "fr": ("notice rouge", ["notices rouges"], []),
        "es": ("notificación roja", ["notificaciones rojas"], []),
    },
    {
        "key": "diffusion",
        "category": Term.Category.LAW_ENFORCEMENT,
        "note": "An INTERPOL alert sent by a member country directly to others.",
        "ar": ("التعميم", ["تعميمات", "التعميمات"], []),
        "en": ("Diffusion", ["Diffusions"], []),
        "fr": ("diffusion", ["diffusions"], []),
        "es": ("difusión", ["difusiones"], []),
    },
    {
        "key": "fugitive",
        "category": Term.Category.LAW_ENFORCEMENT,
        "note": "A person who escapes justice.",
        "ar": ("الفارين", ["الفارون", "الفارين من العدالة"], []),
        "en": ("fugitive", ["fugitives"], []),
        "fr": ("fugitif", ["fugitifs", "fugitive", "fugitives"], []),
        "es": ("prófugo", ["prófugos", "prófuga", "prófugas"], []),
    },
    {
        "key": "firearms-trafficking",
        "category": Term.Category.LAW_ENFORCEMENT,
        "note": "",
        "ar": ("الاتجار بالأسلحة النارية", ["الاتجار غير المشروع بالأسلحة النارية"], []),
        "en": ("firearms trafficking", ["trafficking in firearms", "trafficking of firearms"], []),
        "fr": ("trafic d’armes à feu", [], []),
        "es": ("tráfico de armas de fuego", [], []),
    },
    {
        "key": "migrant-smuggling",
        "category": Term.Category.LAW_ENFORCEMENT,
        "note": "Helping people cross a border irregularly, for gain.",
        "ar": ("تهريب المهاجرين", [], []),
        "en": ("migrant smuggling", ["smuggling of migrants"], []),
        "fr": ("trafic de migrants", ["trafic illicite de migrants"], []),
        "es": ("tráfico ilícito de migrantes", ["tráfico de migrantes"], []),
    },
    {
        "key": "human-trafficking",
        "category": Term.Category.LAW_ENFORCEMENT,
        "note": "",
        "ar": ("الاتجار بالبشر", [], []),
        "en": ("trafficking in human beings", ["human trafficking"], []),
        "fr": ("traite des êtres humains", [], []),
        "es": ("trata de seres humanos", ["trata de personas"], []),
    },
    {
        "key": "organized-crime",
        "category": Term.Category.LAW_ENFORCEMENT,
        "note": "INTERPOL writes -ize.",
        "ar": ("الجريمة المنظمة", [], []),
        "en": ("organized crime", [], ["organised crime"]),
        "fr": ("criminalité organisée", [], []),
        "es": ("delincuencia organizada", [], []),
    },
    {
        "key": "foreign-terrorist-fighters",
        "category": Term.Category.LAW_ENFORCEMENT,
        "note": "",
        "ar": ("المقاتلين الإرهابيين الأجانب", ["المقاتلون الإرهابيون الأجانب"], []),
        "en": ("foreign terrorist fighters", ["foreign terrorist fighter"], []),
        "fr": ("combattants terroristes étrangers", ["combattant terroriste étranger"], []),
        "es": ("combatientes terroristas extranjeros", ["combatiente terrorista extranjero"], []),
    },
    # --- the interface ---
    {
        "key": "english",
        "category": Term.Category.INTERFACE,
        "note": "The language's name.",
        "ar": (
            "الإنجليزية",
            ["اللغة الإنجليزية", "الإنجليزي", "إنجليزي", "إنجليزية"],
            ["الإنكليزية", "الإنكليزي", "إنكليزي", "إنكليزية"],
        ),
        "en": ("English", [], []),
        "fr": ("anglais", [], []),
        "es": ("inglés", [], []),
    },
    {
        "key": "missing",
        "category": Term.Category.INTERFACE,
        "note": "Translation status: the field has no text in this language.",
        "ar": ("ناقصة", ["ناقص", "ناقصًا"], []),
        "en": ("missing", [], []),
        "fr": (
            "manquante",
            ["manquant", "manquants", "manquantes"],
            ["manquant(s)", "manquante(s)"],
        ),
        "es": ("sin traducir", [], []),
    },
    {
        "key": "stale",
        "category": Term.Category.INTERFACE,
        "note": "Translation status: the source changed since the translation was confirmed.",
        "ar": ("متقادمة", ["متقادم", "متقادمًا"], []),
        "en": ("stale", [], []),
        "fr": ("périmée", ["périmé", "périmés", "périmées"], ["périmé(s)", "périmée(s)"]),
        "es": (
            "desactualizada",
            ["desactualizado", "desactualizados", "desactualizadas"],
            ["desactualizado/a", "desactualizados/as"],
        ),
    },
]


def load(report, update=False):
    """Create the seed's terms; a term that exists keeps its staff edits unless ``update``.
    Saves nothing when nothing differs (a second run writes no row)."""
    for spec in TERMS:
        term = Term.objects.filter(key=spec["key"]).first() or Term(key=spec["key"])
        adding = term._state.adding
        dirty = adding or (update and term.category != spec["category"])
        term.category = spec["category"] if dirty else term.category
        existing = set() if adding else set(term.get_available_languages())
        for language in language_codes():
            if language not in spec or (language in existing and not update):
                continue
            approved, variants, forbidden = spec[language]
            values = {
                "term": approved,
                "variants": "\n".join(variants),
                "forbidden": "\n".join(forbidden),
                "note": spec["note"] if language == "en" else "",
            }
            term.set_current_language(language)
            if language not in existing or any(
                getattr(term, name) != value for name, value in values.items()
            ):
                for name, value in values.items():
                    setattr(term, name, value)
                dirty = True
        if dirty:
            term.save()
            (report.created if adding else report.updated).append(f"term {spec['key']}")
        else:
            report.unchanged += 1
