"""The seed content: the page "INTERPOL and the European Union" in four languages.

Arabic is the source text, word for word (``source_ar.txt`` is the verbatim copy that the tests
compare against); English, French and Spanish are the team's own translations.
Rich-text fields hold sanitised HTML; every other field is plain text.
"""

PARTNERSHIP = {
    "office_city": "Brussels",
    "title": {
        "ar": "الإنتربول والاتحاد الأوروبي",
        "en": "TODO",
        "fr": "TODO",
        "es": "TODO",
    },
    "lead": {
        "ar": "الاتحاد الأوروبي شريك أساسي لنا في مكافحة الجريمة والإرهاب.",
        "en": "TODO",
        "fr": "TODO",
        "es": "TODO",
    },
    "introduction": {
        "ar": "<p>يعمل الإنتربول والاتحاد الأوروبي سوياً عن كثب على مسائل تهم الطرفين ويتبادلان الموارد والخبرات. فالإنتربول شريك أساسي للاتحاد الأوروبي في مجالات الأمن الخارجي، والهجرة غير المشروعة، ومكافحة الإرهاب، والجريمة المنظمة.</p>",
        "en": "TODO",
        "fr": "TODO",
        "es": "TODO",
    },
    "office_description": {
        "ar": "<p>يتخذ مكتب الممثل الخاص للإنتربول لدى الاتحاد الأوروبي من بروكسل مقراً له، ويحرص في عمله على تناول المخاوف التي تبديها أجهزة إنفاذ القانون حول العالم بشكل كاف في مبادرات الاتحاد الأوروبي والمقررات السياساتية التي يتخذها. وفي ما يلي الأهداف التي يرمي المكتب إلى تحقيقها:</p>",
        "en": "TODO",
        "fr": "TODO",
        "es": "TODO",
    },
    "areas_heading": {
        "ar": "أبرز مجالات التعاون",
        "en": "TODO",
        "fr": "TODO",
        "es": "TODO",
    },
    "projects_heading": {
        "ar": "المشاريع الممولة من الاتحاد الأوروبي",
        "en": "TODO",
        "fr": "TODO",
        "es": "TODO",
    },
    "projects_introduction": {
        "ar": "يساهم الاتحاد الأوروبي في تمويل العديد من مشاريع الإنتربول، نذكر منها:",
        "en": "TODO",
        "fr": "TODO",
        "es": "TODO",
    },
    "partners_heading": {
        "ar": "التعاون مع مؤسسات ووكالات الاتحاد الأوروبي",
        "en": "TODO",
        "fr": "TODO",
        "es": "TODO",
    },
    "agencies_heading": {
        "ar": "وكالات الاتحاد الأوروبي:",
        "en": "TODO",
        "fr": "TODO",
        "es": "TODO",
    },
    "agencies_introduction": {
        "ar": "يعمل الإنتربول على مشاريع مشتركة ترمي إلى تيسير استخدام قواعد بيانات الإنتربول، وتوفير المزيد من برامج التدريب وبناء القدرات، بالإضافة إلى مبادرات أخرى مع وكالات الاتحاد الأوروبي المذكورة أدناه:",
        "en": "TODO",
        "fr": "TODO",
        "es": "TODO",
    },
    "institutions_heading": {
        "ar": "مؤسسات الاتحاد الأوروبي:",
        "en": "TODO",
        "fr": "TODO",
        "es": "TODO",
    },
}

OBJECTIVES = [
    {
        "key": "strengthen-cooperation",
        "text": {
            "ar": "تعزيز التعاون مع الاتحاد الأوروبي في المجالات المتعلقة بإنفاذ القانون لضمان أمتن تعاون ممكن على المستوى الدولي في مسائل الأمن ومكافحة الجريمة والإرهاب، وحرصاً منه على أن يستفيد كل طرف بالكامل مما يمكن للآخر أن يقدمه.",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
    },
    {
        "key": "eu-funding",
        "text": {
            "ar": "مساعدة الأفرقة في قسم المشاريع في الإنتربول على تحديد الخيارات التي يمكن الاستفادة فيها من تمويل الاتحاد الأوروبي حيث تدعو الحاجة.",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
    },
    {
        "key": "policy-expertise",
        "text": {
            "ar": "عرض خبرات الإنتربول ليستفيد منها الاتحاد الأوروبي في عمليات وضع السياسات والعمليات التشريعية، حرصاً على أن ترسّخ المقترحات الجديدة التعاون الشرطي الدولي على نطاق أوسع وبشكل أكثر فعالية.",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
    },
]

COOPERATION_AREAS = [
    {
        "key": "irregular-migration",
        "title": {
            "ar": "الهجرة غير المشروعة",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "slug": {
            "ar": "TODO",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "body": {
            "ar": "<p>نسخّر خبراتنا في مركز الاتحاد الأوروبي لتبادل المعلومات بشأن تهريب المهاجرين حرصاً منا على تبادل المعلومات وبيانات الاستخبار بشأن شبكات تهريب المهاجرين والاتجار بالبشر في وسط البحر الأبيض المتوسط مع الدول الأعضاء في جميع أنحاء العالم.</p>",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
    },
    {
        "key": "battlefield-evidence",
        "title": {
            "ar": "الأدلة من ساحات المعارك",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "slug": {
            "ar": "TODO",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "body": {
            "ar": "<p>أبرم الإنتربول اتفاقاً مع الاتحاد الأوروبي تدعم بموجبه المنظمة تبادل المعلومات بشأن المشتبه بهم من المقاتلين الإرهابيين الأجانب، وهي معلومات تم جمعها من الأراضي التي كانت خاضعة لتنظيم الدولة الإسلامية في العراق والشام، أو في أعقاب حالات نزاع أخرى في العراق.</p>",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
    },
    {
        "key": "west-africa",
        "title": {
            "ar": "غرب أفريقيا",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "slug": {
            "ar": "TODO",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "body": {
            "ar": "<p>نعمل عن كثب مع الاتحاد الأوروبي لدعم العمل الشرطي الذي تؤديه القوة المشتركة التابعة للمجموعة الخماسية لمنطقة الساحل، فنساعد خمس دول في المنطقة على التعاون بشكل فعال في مكافحة الإرهاب والجريمة المنظمة وتهريب المهاجرين. كما ونسعى إلى تحديث تكنولوجيا الاتصالات الخاصة بهذه البلدان وتطوير خبراتها البيومترية.</p>",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
    },
    {
        "key": "e-mla",
        "title": {
            "ar": "القناة الإلكترونية المأمونة لإرسال طلبات المساعدة القانونية المتبادلة (E-MLA)",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "slug": {
            "ar": "TODO",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "body": {
            "ar": "<p>ندرس الخيارات المتاحة مع شركاء الاتحاد الأوروبي لتمويل التشغيل التجريبي لعملية إرسال طلبات المساعدة القانونية المتبادلة عبر قناة إلكترونية. فمن شأن هذا أن يسرّع العملية المتبعة حول العالم بشكل كبير، بما يسمح بمحاكمة المزيد من مرتكبي الجرائم. وقد جرى تمويل دراسة الجدوى القانونية من قبل برنامج العدالة الذي وضعه الاتحاد الأوروبي.</p>",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
    },
]

PROJECTS = [
    {
        "key": "sharaka",
        "code": "SHARAKA",
        "name": {
            "ar": "شراكة",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "slug": {
            "ar": "TODO",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "summary": {
            "ar": "مشروع ’شراكة‘ (لمكافحة الإرهاب في الشرق الأوسط وشمال أفريقيا)",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "region": {
            "ar": "",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "countries": [],
        "cooperation_areas": [],
    },
    {
        "key": "battlefield-evidence-iraq",
        "code": "",
        "name": {
            "ar": "الأدلة من ساحات المعارك في العراق",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "slug": {
            "ar": "TODO",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "summary": {
            "ar": "الأدلة من ساحات المعارك في العراق",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "region": {
            "ar": "",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "countries": [],
        "cooperation_areas": [],
    },
    {
        "key": "fugitive-investigation-latin-america",
        "code": "",
        "name": {
            "ar": "آلية دائمة للتحقيق بشأن الفارين في أمريكا اللاتينية",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "slug": {
            "ar": "TODO",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "summary": {
            "ar": "آلية دائمة للتحقيق بشأن الفارين في أمريكا اللاتينية",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "region": {
            "ar": "",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "countries": [],
        "cooperation_areas": [],
    },
    {
        "key": "wapis",
        "code": "WAPIS",
        "name": {
            "ar": "منظومة المعلومات الشرطية لغرب أفريقيا (وابيس)",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "slug": {
            "ar": "TODO",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "summary": {
            "ar": "منظومة المعلومات الشرطية لغرب أفريقيا (وابيس)، التي ترسّخ تخزين سجلات الشرطة إلكترونياً في المنطقة، وتبادل المعلومات على المستويين الإقليمي والدولي.",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "region": {
            "ar": "",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "countries": [],
        "cooperation_areas": [],
    },
    {
        "key": "iarms",
        "code": "iARMS",
        "name": {
            "ar": "منظومة الإنتربول لإدارة سجلات الأسلحة المحظورة واقتفاء أثرها (iARMS)",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "slug": {
            "ar": "TODO",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "summary": {
            "ar": "منظومة الإنتربول لإدارة سجلات الأسلحة المحظورة واقتفاء أثرها (iARMS)",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "region": {
            "ar": "",
            "en": "TODO",
            "fr": "TODO",
            "es": "TODO",
        },
        "countries": [],
        "cooperation_areas": [],
    },
]

PARTNERS = []
