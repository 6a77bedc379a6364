"""The seed content: the page "INTERPOL and the European Union" in four languages.

Arabic is the source text, word for word (``source_ar.txt`` is the verbatim copy that the tests
compare against); English, French and Spanish are the team's own translations.
Rich-text fields hold sanitised HTML; every other field is plain text.
"""

PARTNERSHIP = {
    "office_city": "Brussels",
    "title": {
        "ar": "الإنتربول والاتحاد الأوروبي",
        "en": "INTERPOL and the European Union",
        "fr": "INTERPOL et l’Union européenne",
        "es": "INTERPOL y la Unión Europea",
    },
    "lead": {
        "ar": "الاتحاد الأوروبي شريك أساسي لنا في مكافحة الجريمة والإرهاب.",
        "en": "The European Union is a key partner in our fight against crime and terrorism.",
        "fr": "L’Union européenne est pour nous un partenaire essentiel dans la lutte contre la criminalité et le terrorisme.",
        "es": "La Unión Europea es un socio esencial para nosotros en la lucha contra la delincuencia y el terrorismo.",
    },
    "introduction": {
        "ar": "<p>يعمل الإنتربول والاتحاد الأوروبي سوياً عن كثب على مسائل تهم الطرفين ويتبادلان الموارد والخبرات. فالإنتربول شريك أساسي للاتحاد الأوروبي في مجالات الأمن الخارجي، والهجرة غير المشروعة، ومكافحة الإرهاب، والجريمة المنظمة.</p>",
        "en": "<p>INTERPOL and the European Union work closely together on matters of common interest, sharing resources and expertise. INTERPOL is a key partner for the EU in the fields of external security, irregular migration, counter-terrorism and organized crime.</p>",
        "fr": "<p>INTERPOL et l’Union européenne travaillent en étroite collaboration sur des questions d’intérêt commun et échangent leurs ressources et leur savoir-faire. INTERPOL est un partenaire essentiel de l’UE dans les domaines de la sécurité extérieure, de la migration irrégulière, de la lutte contre le terrorisme et de la criminalité organisée.</p>",
        "es": "<p>INTERPOL y la Unión Europea colaboran estrechamente en asuntos de interés común y comparten recursos y conocimientos especializados. INTERPOL es un socio esencial de la UE en materia de seguridad exterior, migración irregular, lucha contra el terrorismo y delincuencia organizada.</p>",
    },
    "office_description": {
        "ar": "<p>يتخذ مكتب الممثل الخاص للإنتربول لدى الاتحاد الأوروبي من بروكسل مقراً له، ويحرص في عمله على تناول المخاوف التي تبديها أجهزة إنفاذ القانون حول العالم بشكل كاف في مبادرات الاتحاد الأوروبي والمقررات السياساتية التي يتخذها. وفي ما يلي الأهداف التي يرمي المكتب إلى تحقيقها:</p>",
        "en": "<p>The Office of the Special Representative of INTERPOL to the European Union, based in Brussels, works to ensure that the concerns of law enforcement agencies worldwide are adequately reflected in EU initiatives and policy decisions. The Office’s objectives are as follows:</p>",
        "fr": "<p>Le Bureau du Représentant spécial d’INTERPOL auprès de l’Union européenne, établi à Bruxelles, veille à ce que les préoccupations des services chargés de l’application de la loi du monde entier soient dûment prises en compte dans les initiatives et les décisions politiques de l’UE. Il poursuit les objectifs suivants :</p>",
        "es": "<p>La Oficina del Representante Especial de INTERPOL ante la Unión Europea tiene su sede en Bruselas. Su labor consiste en asegurar que las preocupaciones de los organismos encargados de hacer cumplir la ley de todo el mundo se reflejen debidamente en las iniciativas y las decisiones políticas de la UE. La Oficina persigue los siguientes objetivos:</p>",
    },
    "areas_heading": {
        "ar": "أبرز مجالات التعاون",
        "en": "Key cooperation areas",
        "fr": "Principaux domaines de coopération",
        "es": "Principales ámbitos de cooperación",
    },
    "projects_heading": {
        "ar": "المشاريع الممولة من الاتحاد الأوروبي",
        "en": "EU-funded projects",
        "fr": "Projets financés par l’UE",
        "es": "Proyectos financiados por la UE",
    },
    "projects_introduction": {
        "ar": "يساهم الاتحاد الأوروبي في تمويل العديد من مشاريع الإنتربول، نذكر منها:",
        "en": "The European Union co-funds many INTERPOL projects, including:",
        "fr": "L’Union européenne cofinance de nombreux projets d’INTERPOL, parmi lesquels :",
        "es": "La Unión Europea cofinancia numerosos proyectos de INTERPOL, entre ellos:",
    },
    "partners_heading": {
        "ar": "التعاون مع مؤسسات ووكالات الاتحاد الأوروبي",
        "en": "Cooperation with EU institutions and agencies",
        "fr": "Coopération avec les institutions et agences de l’UE",
        "es": "Cooperación con las instituciones y agencias de la UE",
    },
    "agencies_heading": {
        "ar": "وكالات الاتحاد الأوروبي:",
        "en": "EU agencies:",
        "fr": "Agences de l’UE :",
        "es": "Agencias de la UE:",
    },
    "agencies_introduction": {
        "ar": "يعمل الإنتربول على مشاريع مشتركة ترمي إلى تيسير استخدام قواعد بيانات الإنتربول، وتوفير المزيد من برامج التدريب وبناء القدرات، بالإضافة إلى مبادرات أخرى مع وكالات الاتحاد الأوروبي المذكورة أدناه:",
        "en": "INTERPOL works with the EU agencies listed below on joint projects that facilitate the use of INTERPOL’s databases and expand training and capacity-building programmes, as well as on other initiatives:",
        "fr": "INTERPOL mène avec les agences de l’UE énumérées ci-dessous des projets conjoints visant à faciliter l’utilisation de ses bases de données et à développer les programmes de formation et de renforcement des capacités, ainsi que d’autres initiatives :",
        "es": "INTERPOL lleva a cabo con las agencias de la UE que se indican a continuación proyectos conjuntos para facilitar el uso de sus bases de datos y ofrecer más programas de formación y fortalecimiento de capacidades, además de otras iniciativas:",
    },
    "institutions_heading": {
        "ar": "مؤسسات الاتحاد الأوروبي:",
        "en": "EU institutions:",
        "fr": "Institutions de l’UE :",
        "es": "Instituciones de la UE:",
    },
}

OBJECTIVES = [
    {
        "key": "strengthen-cooperation",
        "text": {
            "ar": "تعزيز التعاون مع الاتحاد الأوروبي في المجالات المتعلقة بإنفاذ القانون لضمان أمتن تعاون ممكن على المستوى الدولي في مسائل الأمن ومكافحة الجريمة والإرهاب، وحرصاً منه على أن يستفيد كل طرف بالكامل مما يمكن للآخر أن يقدمه.",
            "en": "Strengthen cooperation with the EU on law enforcement matters, so as to achieve the closest possible international cooperation on security, crime and terrorism, and to ensure that each partner draws fully on what the other has to offer.",
            "fr": "Renforcer la coopération avec l’UE dans les domaines liés à l’application de la loi afin de parvenir à la coopération internationale la plus solide possible en matière de sécurité et de lutte contre la criminalité et le terrorisme, en veillant à ce que chaque partie tire pleinement parti de ce que l’autre peut lui apporter.",
            "es": "Reforzar la cooperación con la UE en los ámbitos relacionados con el cumplimiento de la ley para lograr la cooperación internacional más sólida posible en materia de seguridad y de lucha contra la delincuencia y el terrorismo, procurando que cada parte aproveche plenamente lo que la otra puede ofrecerle.",
        },
    },
    {
        "key": "eu-funding",
        "text": {
            "ar": "مساعدة الأفرقة في قسم المشاريع في الإنتربول على تحديد الخيارات التي يمكن الاستفادة فيها من تمويل الاتحاد الأوروبي حيث تدعو الحاجة.",
            "en": "Help the teams of INTERPOL’s Projects unit identify opportunities for EU funding where needed.",
            "fr": "Aider les équipes du service des projets d’INTERPOL à déterminer les possibilités de recourir à un financement de l’UE, lorsque le besoin s’en fait sentir.",
            "es": "Ayudar a los equipos de la unidad de proyectos de INTERPOL a identificar las opciones de financiación de la UE que puedan aprovecharse cuando sea necesario.",
        },
    },
    {
        "key": "policy-expertise",
        "text": {
            "ar": "عرض خبرات الإنتربول ليستفيد منها الاتحاد الأوروبي في عمليات وضع السياسات والعمليات التشريعية، حرصاً على أن ترسّخ المقترحات الجديدة التعاون الشرطي الدولي على نطاق أوسع وبشكل أكثر فعالية.",
            "en": "Make INTERPOL’s expertise available to the EU’s policy-making and legislative processes, to ensure that new proposals promote broader and more effective international police cooperation.",
            "fr": "Mettre le savoir-faire d’INTERPOL au service des processus d’élaboration des politiques et des processus législatifs de l’UE, afin que les nouvelles propositions favorisent une coopération policière internationale plus large et plus efficace.",
            "es": "Poner la experiencia de INTERPOL al servicio de los procesos de elaboración de políticas y de los procesos legislativos de la UE, para que las nuevas propuestas promuevan una cooperación policial internacional más amplia y eficaz.",
        },
    },
]

COOPERATION_AREAS = [
    {
        "key": "irregular-migration",
        "title": {
            "ar": "الهجرة غير المشروعة",
            "en": "Irregular migration",
            "fr": "Migration irrégulière",
            "es": "Migración irregular",
        },
        "slug": {
            "ar": "الهجرة-غير-المشروعة",
            "en": "irregular-migration",
            "fr": "migration-irreguliere",
            "es": "migracion-irregular",
        },
        "body": {
            "ar": "<p>نسخّر خبراتنا في مركز الاتحاد الأوروبي لتبادل المعلومات بشأن تهريب المهاجرين حرصاً منا على تبادل المعلومات وبيانات الاستخبار بشأن شبكات تهريب المهاجرين والاتجار بالبشر في وسط البحر الأبيض المتوسط مع الدول الأعضاء في جميع أنحاء العالم.</p>",
            "en": "<p>We contribute our expertise to the EU Information Clearing House on migrant smuggling, to ensure that information and intelligence on migrant smuggling and human trafficking networks in the central Mediterranean are shared with our member countries worldwide.</p>",
            "fr": "<p>Nous mettons notre savoir-faire au service du Centre d’échange d’informations de l’UE sur le trafic de migrants, afin que les informations et les renseignements sur les réseaux de trafic de migrants et de traite des êtres humains en Méditerranée centrale soient échangés avec les pays membres du monde entier.</p>",
            "es": "<p>Aportamos nuestra experiencia al Centro de intercambio de información de la UE sobre el tráfico de migrantes, para que la información y la inteligencia sobre las redes de tráfico de migrantes y de trata de personas en el Mediterráneo central se compartan con los países miembros de todo el mundo.</p>",
        },
        "summary": {"ar": "", "en": "", "fr": "", "es": ""},
    },
    {
        "key": "battlefield-evidence",
        "title": {
            "ar": "الأدلة من ساحات المعارك",
            "en": "Battlefield evidence",
            "fr": "Preuves recueillies sur les champs de bataille",
            "es": "Pruebas obtenidas en zonas de combate",
        },
        "slug": {
            "ar": "الأدلة-من-ساحات-المعارك",
            "en": "battlefield-evidence",
            "fr": "preuves-champs-de-bataille",
            "es": "pruebas-zonas-de-combate",
        },
        "body": {
            "ar": "<p>أبرم الإنتربول اتفاقاً مع الاتحاد الأوروبي تدعم بموجبه المنظمة تبادل المعلومات بشأن المشتبه بهم من المقاتلين الإرهابيين الأجانب، وهي معلومات تم جمعها من الأراضي التي كانت خاضعة لتنظيم الدولة الإسلامية في العراق والشام، أو في أعقاب حالات نزاع أخرى في العراق.</p>",
            "en": "<p>INTERPOL has concluded an agreement with the European Union under which the Organization supports the sharing of information on suspected foreign terrorist fighters, collected in territories formerly controlled by the Islamic State in Iraq and the Levant or in the aftermath of other conflicts in Iraq.</p>",
            "fr": "<p>INTERPOL a conclu avec l’Union européenne un accord en vertu duquel l’Organisation soutient l’échange d’informations sur des combattants terroristes étrangers présumés, informations recueillies dans les territoires autrefois contrôlés par l’État islamique en Irak et au Levant ou à la suite d’autres conflits en Irak.</p>",
            "es": "<p>INTERPOL ha celebrado con la Unión Europea un acuerdo en virtud del cual la Organización apoya el intercambio de información sobre presuntos combatientes terroristas extranjeros, información recopilada en los territorios que estuvieron bajo el control del Estado Islámico de Irak y el Levante o tras otros conflictos en Irak.</p>",
        },
        "summary": {"ar": "", "en": "", "fr": "", "es": ""},
    },
    {
        "key": "west-africa",
        "title": {
            "ar": "غرب أفريقيا",
            "en": "West Africa",
            "fr": "Afrique de l’Ouest",
            "es": "África Occidental",
        },
        "slug": {
            "ar": "غرب-أفريقيا",
            "en": "west-africa",
            "fr": "afrique-de-l-ouest",
            "es": "africa-occidental",
        },
        "body": {
            "ar": "<p>نعمل عن كثب مع الاتحاد الأوروبي لدعم العمل الشرطي الذي تؤديه القوة المشتركة التابعة للمجموعة الخماسية لمنطقة الساحل، فنساعد خمس دول في المنطقة على التعاون بشكل فعال في مكافحة الإرهاب والجريمة المنظمة وتهريب المهاجرين. كما ونسعى إلى تحديث تكنولوجيا الاتصالات الخاصة بهذه البلدان وتطوير خبراتها البيومترية.</p>",
            "en": "<p>We work closely with the European Union to support the policing work of the G5 Sahel Joint Force, helping five countries of the region cooperate effectively against terrorism, organized crime and migrant smuggling. We are also working to modernize these countries’ communications technology and to develop their biometric capabilities.</p>",
            "fr": "<p>Nous travaillons en étroite collaboration avec l’Union européenne pour soutenir l’action policière de la Force conjointe du G5 Sahel, en aidant cinq pays de la région à coopérer efficacement contre le terrorisme, la criminalité organisée et le trafic de migrants. Nous nous employons également à moderniser les technologies de communication de ces pays et à développer leur savoir-faire en biométrie.</p>",
            "es": "<p>Colaboramos estrechamente con la Unión Europea para apoyar la labor policial de la Fuerza Conjunta del G5 Sahel, ayudando a cinco países de la región a cooperar eficazmente contra el terrorismo, la delincuencia organizada y el tráfico de migrantes. También trabajamos para modernizar la tecnología de comunicaciones de estos países y desarrollar sus conocimientos en biometría.</p>",
        },
        "summary": {"ar": "", "en": "", "fr": "", "es": ""},
    },
    {
        "key": "e-mla",
        "title": {
            "ar": "القناة الإلكترونية المأمونة لإرسال طلبات المساعدة القانونية المتبادلة (E-MLA)",
            "en": "Secure electronic channel for mutual legal assistance requests (E-MLA)",
            "fr": "Canal électronique sécurisé pour la transmission des demandes d’entraide judiciaire (E-MLA)",
            "es": "Canal electrónico seguro para la transmisión de solicitudes de asistencia judicial recíproca (E-MLA)",
        },
        "slug": {
            "ar": "القناة-الإلكترونية-للمساعدة-القانونية",
            "en": "e-mla",
            "fr": "e-mla-entraide-judiciaire",
            "es": "e-mla-asistencia-judicial",
        },
        "body": {
            "ar": "<p>ندرس الخيارات المتاحة مع شركاء الاتحاد الأوروبي لتمويل التشغيل التجريبي لعملية إرسال طلبات المساعدة القانونية المتبادلة عبر قناة إلكترونية. فمن شأن هذا أن يسرّع العملية المتبعة حول العالم بشكل كبير، بما يسمح بمحاكمة المزيد من مرتكبي الجرائم. وقد جرى تمويل دراسة الجدوى القانونية من قبل برنامج العدالة الذي وضعه الاتحاد الأوروبي.</p>",
            "en": "<p>We are exploring options with our EU partners for funding a pilot of the electronic transmission of mutual legal assistance requests. This would considerably speed up the process worldwide and enable more offenders to be brought to justice. The legal feasibility study was funded by the EU’s Justice Programme.</p>",
            "fr": "<p>Nous étudions avec nos partenaires de l’UE les moyens de financer une phase pilote de transmission des demandes d’entraide judiciaire par voie électronique. Cela accélérerait considérablement la procédure dans le monde entier et permettrait de traduire en justice davantage d’auteurs d’infractions. L’étude de faisabilité juridique a été financée par le programme « Justice » de l’UE.</p>",
            "es": "<p>Estamos estudiando con nuestros socios de la UE cómo financiar una fase piloto de transmisión de las solicitudes de asistencia judicial recíproca por vía electrónica. Ello aceleraría considerablemente el procedimiento en todo el mundo y permitiría llevar ante la justicia a más delincuentes. El estudio de viabilidad jurídica fue financiado por el programa «Justicia» de la UE.</p>",
        },
        "summary": {"ar": "", "en": "", "fr": "", "es": ""},
    },
]

PARTNERS = [
    {
        "key": "europol",
        "kind": "agency",
        "name": {
            "ar": "وكالة الاتحاد الأوروبي للتعاون في مجال إنفاذ القانون",
            "en": "European Union Agency for Law Enforcement Cooperation",
            "fr": "Agence de l’Union européenne pour la coopération des services répressifs",
            "es": "Agencia de la Unión Europea para la Cooperación Policial",
        },
        "acronym": {"ar": "يوروبول", "en": "Europol", "fr": "Europol", "es": "Europol"},
        "slug": {"ar": "يوروبول", "en": "europol", "fr": "europol", "es": "europol"},
        "description": {
            "ar": "<p>وكالة الاتحاد الأوروبي المعنية بالتعاون بين أجهزة إنفاذ القانون، ومقرها لاهاي، وتدعم الدول الأعضاء في مكافحة الجريمة المنظمة والإرهاب.</p>",
            "en": "<p>The EU agency for cooperation between law enforcement agencies, based in The Hague, which supports the member states in combating organized crime and terrorism.</p>",
            "fr": "<p>L’agence de l’UE pour la coopération entre les services chargés de l’application de la loi, établie à La Haye, qui aide les États membres à lutter contre la criminalité organisée et le terrorisme.</p>",
            "es": "<p>La agencia de la UE para la cooperación entre los organismos encargados de hacer cumplir la ley, con sede en La Haya, que ayuda a los Estados miembros a combatir la delincuencia organizada y el terrorismo.</p>",
        },
        "website": "https://www.europol.europa.eu/",
    },
    {
        "key": "frontex",
        "kind": "agency",
        "name": {
            "ar": "الوكالة الأوروبية لحرس الحدود والسواحل",
            "en": "European Border and Coast Guard Agency",
            "fr": "Agence européenne de garde-frontières et de garde-côtes",
            "es": "Agencia Europea de la Guardia de Fronteras y Costas",
        },
        "acronym": {"ar": "فرونتكس", "en": "Frontex", "fr": "Frontex", "es": "Frontex"},
        "slug": {"ar": "فرونتكس", "en": "frontex", "fr": "frontex", "es": "frontex"},
        "description": {
            "ar": "<p>وكالة الاتحاد الأوروبي المعنية بإدارة الحدود الخارجية، ومقرها وارسو.</p>",
            "en": "<p>The EU agency responsible for the management of the Union’s external borders, based in Warsaw.</p>",
            "fr": "<p>L’agence de l’UE chargée de la gestion des frontières extérieures de l’Union, établie à Varsovie.</p>",
            "es": "<p>La agencia de la UE encargada de la gestión de las fronteras exteriores de la Unión, con sede en Varsovia.</p>",
        },
        "website": "https://www.frontex.europa.eu/",
    },
    {
        "key": "eurojust",
        "kind": "agency",
        "name": {
            "ar": "وكالة الاتحاد الأوروبي للتعاون في مجال العدالة الجنائية",
            "en": "European Union Agency for Criminal Justice Cooperation",
            "fr": "Agence de l’Union européenne pour la coopération judiciaire en matière pénale",
            "es": "Agencia de la Unión Europea para la Cooperación Judicial Penal",
        },
        "acronym": {"ar": "يوروجست", "en": "Eurojust", "fr": "Eurojust", "es": "Eurojust"},
        "slug": {"ar": "يوروجست", "en": "eurojust", "fr": "eurojust", "es": "eurojust"},
        "description": {
            "ar": "<p>وكالة الاتحاد الأوروبي التي تنسق عمل السلطات القضائية الوطنية في القضايا الجنائية العابرة للحدود، ومقرها لاهاي.</p>",
            "en": "<p>The EU agency that coordinates the work of national judicial authorities on cross-border criminal cases, based in The Hague.</p>",
            "fr": "<p>L’agence de l’UE qui coordonne l’action des autorités judiciaires nationales dans les affaires pénales transfrontières, établie à La Haye.</p>",
            "es": "<p>La agencia de la UE que coordina la labor de las autoridades judiciales nacionales en los asuntos penales transfronterizos, con sede en La Haya.</p>",
        },
        "website": "https://www.eurojust.europa.eu/",
    },
    {
        "key": "cepol",
        "kind": "agency",
        "name": {
            "ar": "وكالة الاتحاد الأوروبي للتدريب في مجال إنفاذ القانون",
            "en": "European Union Agency for Law Enforcement Training",
            "fr": "Agence de l’Union européenne pour la formation des services répressifs",
            "es": "Agencia de la Unión Europea para la Formación Policial",
        },
        "acronym": {"ar": "سيبول", "en": "CEPOL", "fr": "CEPOL", "es": "CEPOL"},
        "slug": {"ar": "سيبول", "en": "cepol", "fr": "cepol", "es": "cepol"},
        "description": {
            "ar": "<p>وكالة الاتحاد الأوروبي المعنية بتدريب موظفي إنفاذ القانون، ومقرها بودابست.</p>",
            "en": "<p>The EU agency responsible for training law enforcement officials, based in Budapest.</p>",
            "fr": "<p>L’agence de l’UE qui forme les agents des services chargés de l’application de la loi, établie à Budapest.</p>",
            "es": "<p>La agencia de la UE dedicada a la formación del personal de los organismos encargados de hacer cumplir la ley, con sede en Budapest.</p>",
        },
        "website": "https://www.cepol.europa.eu/",
    },
    {
        "key": "eu-lisa",
        "kind": "agency",
        "name": {
            "ar": "وكالة الاتحاد الأوروبي للإدارة التشغيلية للنظم المعلوماتية الواسعة النطاق في مجال الحرية والأمن والعدالة",
            "en": "European Union Agency for the Operational Management of Large-Scale IT Systems in the Area of Freedom, Security and Justice",
            "fr": "Agence de l’Union européenne pour la gestion opérationnelle des systèmes d’information à grande échelle au sein de l’espace de liberté, de sécurité et de justice",
            "es": "Agencia de la Unión Europea para la Gestión Operativa de Sistemas Informáticos de Gran Magnitud en el Espacio de Libertad, Seguridad y Justicia",
        },
        "acronym": {"ar": "eu-LISA", "en": "eu-LISA", "fr": "eu-LISA", "es": "eu-LISA"},
        "slug": {"ar": "eu-lisa", "en": "eu-lisa", "fr": "eu-lisa", "es": "eu-lisa"},
        "description": {
            "ar": "<p>وكالة الاتحاد الأوروبي التي تدير النظم المعلوماتية الكبرى في مجالات الحدود والهجرة والأمن، ومقرها تالين.</p>",
            "en": "<p>The EU agency that manages the Union’s large-scale IT systems for borders, migration and security, based in Tallinn.</p>",
            "fr": "<p>L’agence de l’UE qui gère les systèmes d’information à grande échelle de l’Union en matière de frontières, de migration et de sécurité, établie à Tallinn.</p>",
            "es": "<p>La agencia de la UE que gestiona los sistemas informáticos de gran magnitud de la Unión en materia de fronteras, migración y seguridad, con sede en Tallin.</p>",
        },
        "website": "https://www.eulisa.europa.eu/",
    },
    {
        "key": "european-commission",
        "kind": "institution",
        "name": {
            "ar": "المفوضية الأوروبية",
            "en": "European Commission",
            "fr": "Commission européenne",
            "es": "Comisión Europea",
        },
        "acronym": {"ar": "", "en": "", "fr": "", "es": ""},
        "slug": {
            "ar": "المفوضية-الأوروبية",
            "en": "european-commission",
            "fr": "commission-europeenne",
            "es": "comision-europea",
        },
        "description": {
            "ar": "<p>الهيئة التنفيذية للاتحاد الأوروبي، تقترح التشريعات وتدير السياسات والبرامج، ومنها برامج التمويل في مجال الأمن.</p>",
            "en": "<p>The EU’s executive, which proposes legislation and implements policies and programmes, including funding programmes in the field of security.</p>",
            "fr": "<p>L’organe exécutif de l’UE, qui propose la législation et met en œuvre les politiques et les programmes, dont les programmes de financement dans le domaine de la sécurité.</p>",
            "es": "<p>El órgano ejecutivo de la UE, que propone la legislación y ejecuta las políticas y los programas, entre ellos los programas de financiación en materia de seguridad.</p>",
        },
        "website": "https://commission.europa.eu/",
    },
    {
        "key": "council-of-the-eu",
        "kind": "institution",
        "name": {
            "ar": "مجلس الاتحاد الأوروبي",
            "en": "Council of the European Union",
            "fr": "Conseil de l’Union européenne",
            "es": "Consejo de la Unión Europea",
        },
        "acronym": {"ar": "", "en": "", "fr": "", "es": ""},
        "slug": {
            "ar": "مجلس-الاتحاد-الأوروبي",
            "en": "council-of-the-eu",
            "fr": "conseil-de-l-ue",
            "es": "consejo-de-la-ue",
        },
        "description": {
            "ar": "<p>المؤسسة التي تمثل حكومات الدول الأعضاء وتعتمد، مع البرلمان الأوروبي، تشريعات الاتحاد، ومنها ما يتعلق بالعدالة والشؤون الداخلية.</p>",
            "en": "<p>The institution that represents the governments of the member states and, together with the European Parliament, adopts EU legislation, including in the field of justice and home affairs.</p>",
            "fr": "<p>L’institution qui représente les gouvernements des États membres et adopte la législation de l’UE avec le Parlement européen, notamment en matière de justice et d’affaires intérieures.</p>",
            "es": "<p>La institución que representa a los gobiernos de los Estados miembros y adopta la legislación de la UE junto con el Parlamento Europeo, también en materia de justicia y asuntos de interior.</p>",
        },
        "website": "https://www.consilium.europa.eu/",
    },
    {
        "key": "european-parliament",
        "kind": "institution",
        "name": {
            "ar": "البرلمان الأوروبي",
            "en": "European Parliament",
            "fr": "Parlement européen",
            "es": "Parlamento Europeo",
        },
        "acronym": {"ar": "", "en": "", "fr": "", "es": ""},
        "slug": {
            "ar": "البرلمان-الأوروبي",
            "en": "european-parliament",
            "fr": "parlement-europeen",
            "es": "parlamento-europeo",
        },
        "description": {
            "ar": "<p>المؤسسة المنتخبة مباشرة من مواطني الاتحاد الأوروبي، وتشارك في اعتماد تشريعات الاتحاد وميزانيته.</p>",
            "en": "<p>The institution directly elected by EU citizens, which adopts the Union’s legislation and budget together with the Council.</p>",
            "fr": "<p>L’institution élue directement par les citoyens de l’UE, qui adopte avec le Conseil la législation et le budget de l’Union.</p>",
            "es": "<p>La institución elegida directamente por los ciudadanos de la UE, que adopta junto con el Consejo la legislación y el presupuesto de la Unión.</p>",
        },
        "website": "https://www.europarl.europa.eu/",
    },
    {
        "key": "eeas",
        # A body of the Union (Council Decision 2010/427/EU), not one of its institutions.
        "kind": "body",
        "name": {
            "ar": "دائرة العمل الخارجي الأوروبي",
            "en": "European External Action Service",
            "fr": "Service européen pour l’action extérieure",
            "es": "Servicio Europeo de Acción Exterior",
        },
        "acronym": {"ar": "", "en": "EEAS", "fr": "SEAE", "es": "SEAE"},
        "slug": {"ar": "دائرة-العمل-الخارجي-الأوروبي", "en": "eeas", "fr": "seae", "es": "seae"},
        "description": {
            "ar": "<p>السلك الدبلوماسي للاتحاد الأوروبي، ويتولى تنفيذ سياسته الخارجية والأمنية.</p>",
            "en": "<p>The EU’s diplomatic service, which implements the Union’s common foreign and security policy.</p>",
            "fr": "<p>Le service diplomatique de l’UE, chargé de mettre en œuvre la politique étrangère et de sécurité commune de l’Union.</p>",
            "es": "<p>El servicio diplomático de la UE, encargado de ejecutar la política exterior y de seguridad común de la Unión.</p>",
        },
        "website": "https://www.eeas.europa.eu/",
    },
]

PROJECTS = [
    {
        "key": "sharaka",
        "code": "SHARAKA",
        "name": {"ar": "شراكة", "en": "SHARAKA", "fr": "SHARAKA", "es": "SHARAKA"},
        "slug": {"ar": "شراكة", "en": "sharaka", "fr": "sharaka", "es": "sharaka"},
        "summary": {
            "ar": "مشروع ’شراكة‘ (لمكافحة الإرهاب في الشرق الأوسط وشمال أفريقيا)",
            "en": "The SHARAKA project (counter-terrorism in the Middle East and North Africa)",
            "fr": "Le projet SHARAKA (lutte contre le terrorisme au Moyen-Orient et en Afrique du Nord)",
            "es": "El proyecto SHARAKA (lucha contra el terrorismo en Oriente Medio y el Norte de África)",
        },
        "region": {
            "ar": "الشرق الأوسط وشمال أفريقيا",
            "en": "Middle East and North Africa",
            "fr": "Moyen-Orient et Afrique du Nord",
            "es": "Oriente Medio y Norte de África",
        },
        "countries": [],
        "cooperation_areas": [],
    },
    {
        "key": "battlefield-evidence-iraq",
        "code": "",
        "name": {
            "ar": "الأدلة من ساحات المعارك في العراق",
            "en": "Battlefield evidence in Iraq",
            "fr": "Preuves recueillies sur les champs de bataille en Irak",
            "es": "Pruebas obtenidas en zonas de combate en Irak",
        },
        "slug": {
            "ar": "الأدلة-من-ساحات-المعارك-في-العراق",
            "en": "battlefield-evidence-iraq",
            "fr": "preuves-champs-de-bataille-irak",
            "es": "pruebas-zonas-de-combate-irak",
        },
        "summary": {
            "ar": "الأدلة من ساحات المعارك في العراق",
            "en": "Battlefield evidence in Iraq",
            "fr": "Preuves recueillies sur les champs de bataille en Irak",
            "es": "Pruebas obtenidas en zonas de combate en Irak",
        },
        "region": {"ar": "العراق", "en": "Iraq", "fr": "Irak", "es": "Irak"},
        "countries": ["IQ"],
        "cooperation_areas": ["battlefield-evidence"],
    },
    {
        "key": "fugitive-investigation-latin-america",
        "code": "",
        "name": {
            "ar": "آلية دائمة للتحقيق بشأن الفارين في أمريكا اللاتينية",
            "en": "Permanent fugitive investigation mechanism in Latin America",
            "fr": "Mécanisme permanent d’enquête sur les fugitifs en Amérique latine",
            "es": "Mecanismo permanente de investigación de prófugos en América Latina",
        },
        "slug": {
            "ar": "آلية-التحقيق-بشأن-الفارين",
            "en": "fugitive-investigation-latin-america",
            "fr": "enquetes-fugitifs-amerique-latine",
            "es": "investigacion-profugos-america-latina",
        },
        "summary": {
            "ar": "آلية دائمة للتحقيق بشأن الفارين في أمريكا اللاتينية",
            "en": "A permanent fugitive investigation mechanism in Latin America",
            "fr": "Un mécanisme permanent d’enquête sur les fugitifs en Amérique latine",
            "es": "Un mecanismo permanente de investigación de prófugos en América Latina",
        },
        "region": {
            "ar": "أمريكا اللاتينية",
            "en": "Latin America",
            "fr": "Amérique latine",
            "es": "América Latina",
        },
        "countries": [],
        "cooperation_areas": [],
    },
    {
        "key": "wapis",
        "code": "WAPIS",
        "name": {
            "ar": "منظومة المعلومات الشرطية لغرب أفريقيا (وابيس)",
            "en": "West African Police Information System (WAPIS)",
            "fr": "Système d’information policière pour l’Afrique de l’Ouest (SIPAO)",
            "es": "Sistema de Información Policial de África Occidental (WAPIS)",
        },
        "slug": {"ar": "وابيس", "en": "wapis", "fr": "sipao-wapis", "es": "wapis"},
        "summary": {
            "ar": "منظومة المعلومات الشرطية لغرب أفريقيا (وابيس)، التي ترسّخ تخزين سجلات الشرطة إلكترونياً في المنطقة، وتبادل المعلومات على المستويين الإقليمي والدولي.",
            "en": "The West African Police Information System (WAPIS), which establishes the electronic storage of police records in the region and the exchange of information at regional and international level.",
            "fr": "Le Système d’information policière pour l’Afrique de l’Ouest (SIPAO), qui met en place le stockage électronique des dossiers de police dans la région et l’échange d’informations aux niveaux régional et international.",
            "es": "El Sistema de Información Policial de África Occidental (WAPIS), que implanta el almacenamiento electrónico de los registros policiales en la región y el intercambio de información a escala regional e internacional.",
        },
        "region": {
            "ar": "غرب أفريقيا",
            "en": "West Africa",
            "fr": "Afrique de l’Ouest",
            "es": "África Occidental",
        },
        "countries": [
            "BJ",
            "BF",
            "CV",
            "CI",
            "GM",
            "GH",
            "GN",
            "GW",
            "LR",
            "ML",
            "MR",
            "NE",
            "NG",
            "SN",
            "SL",
            "TG",
        ],
        "cooperation_areas": ["west-africa"],
    },
    {
        "key": "iarms",
        "code": "iARMS",
        "name": {
            "ar": "منظومة الإنتربول لإدارة سجلات الأسلحة المحظورة واقتفاء أثرها (iARMS)",
            "en": "INTERPOL Illicit Arms Records and tracing Management System (iARMS)",
            "fr": "Système INTERPOL de gestion des données sur les armes illicites et du traçage des armes (iARMS)",
            "es": "Sistema de INTERPOL para la Gestión de Registros y el Rastreo de Armas Ilícitas (iARMS)",
        },
        "slug": {"ar": "منظومة-iarms", "en": "iarms", "fr": "iarms", "es": "iarms"},
        "summary": {
            "ar": "منظومة الإنتربول لإدارة سجلات الأسلحة المحظورة واقتفاء أثرها (iARMS)",
            "en": "The INTERPOL Illicit Arms Records and tracing Management System (iARMS)",
            "fr": "Le Système INTERPOL de gestion des données sur les armes illicites et du traçage des armes (iARMS)",
            "es": "El Sistema de INTERPOL para la Gestión de Registros y el Rastreo de Armas Ilícitas (iARMS)",
        },
        "region": {
            "ar": "العالم أجمع",
            "en": "Worldwide",
            "fr": "Monde entier",
            "es": "Todo el mundo",
        },
        "countries": [],
        "cooperation_areas": [],
    },
]
