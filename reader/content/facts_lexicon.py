"""Word lists for fact extraction (English, German, French, Spanish).

Kept as plain Python literals so that importing costs microseconds and no data file has
to be located at run time; the heavy, machine-generated part of the gazetteer (every
country and subdivision in four languages) comes from pycountry, loaded lazily by
:mod:`reader.content.facts`.  These lists hold what pycountry lacks: cities, regions,
institutions, first names, titles and the function words that tell a capitalised
sentence opener from a name.
"""

from __future__ import annotations


def _words(s: str) -> frozenset[str]:
    return frozenset(w for w in s.split())


def _lines(s: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in s.strip().splitlines() if x.strip())


# Function and very common words that start sentences (compared casefolded).
STOPWORDS = _words(
    """
    a an the and or but nor so yet for of in on at to from by with without within into onto
    over under after before since until while when where whereas whether if then than that
    this these those there here it its it's he she they we you i me him her them us our your
    their his my mine is are was were be been being am has have had do does did done not no
    yes as also all any some each every both either neither many much more most few less
    least such what which who whom whose why how about above below between among through
    during against across along around behind beyond despite per via because though although
    however meanwhile moreover therefore thus instead still even just only already again
    now then today yesterday tomorrow tonight once twice first second third last next new
    other another same own very too quite rather almost nearly about approximately around
    roughly some according following including regarding given can could may might must
    shall should will would let lets get got one two three four five six seven eight nine
    ten after-all well oh ok okay yeah mr mrs ms dr prof sir madam dear please thanks
    thank like unlike up down out off away back home near far inside outside upon amid
    while whilst whom whoever whatever whenever wherever unless except
    der die das den dem des ein eine einen einem einer eines und oder aber doch denn sondern
    auch noch schon nur sehr mehr weniger nicht kein keine keinen ich du er sie es wir ihr
    mein dein sein ihr unser euer ihre seine diese dieser dieses diesen jene jener man wer
    was wie wo wann warum weil dass daß ob wenn als bis seit nach vor bei mit von zu zum zur
    für gegen ohne um durch über unter auf aus an am im ins beim vom hier dort da dann so
    heute gestern morgen jetzt nun denn also laut demnach zudem außerdem trotzdem dennoch
    bereits immer nie etwa rund fast knapp gut viele alle jeder jede jedes einige mehrere
    sowohl weder insgesamt schließlich tatsächlich vorweg neben hinter zwischen wegen trotz
    während damit dabei dazu darauf daher deshalb deswegen hingegen jedoch ebenfalls
    le la les l un une des du de d au aux et ou mais donc or ni car ce cet cette ces ça cela
    ceci il elle ils elles on nous vous je tu me te se lui leur leurs son sa ses mon ma mes
    ton ta tes notre nos votre vos qui que quoi dont où quand comme si pour par avec sans
    sous sur dans en entre vers chez depuis pendant avant après contre selon malgré parmi
    aussi encore déjà toujours jamais plus moins très bien tout tous toute toutes rien
    personne chaque plusieurs quelques certains certaines autre autres même mêmes ainsi
    alors puis enfin pourtant cependant toutefois néanmoins voilà voici oui non ne pas
    aujourd'hui hier demain a à y est sont était été être avoir ont avait grâce
    el la los las un una unos unas y o u e pero sino ni que quien quienes cual cuales cuyo
    donde cuando como porque pues si no sí en de del al a con sin por para sobre entre hasta
    desde hacia contra según durante tras ante bajo este esta estos estas ese esa esos esas
    aquel aquella lo le les se su sus mi mis tu tus nuestro nuestra nuestros nuestras él
    ella ellos ellas nosotros usted ustedes yo también tampoco ya aún todavía muy más menos
    tan todo toda todos todas cada otro otra otros otras mismo misma algunos algunas hoy
    ayer mañana ahora entonces además sin-embargo así es son fue era ha han había ser
    """
)

# Capitalised words that are never names on their own (titles, roles, generic nouns that
# newspapers capitalise, section labels).
NON_ENTITY = _words(
    """
    i ceo cfo coo cto chairman chairwoman chair president vice director executive manager
    officer official officials spokesman spokeswoman spokesperson minister ministers
    secretary ambassador envoy senator sen rep representative governor gov mayor judge
    justice chief general gen colonel col lt lieutenant sgt sergeant captain capt coach
    commissioner chancellor king queen prince princess pope bishop father sister brother
    professor prof doctor dr mr mrs ms mx sir dame lord lady reverend rev st saint
    premier prime deputy head leader leaders founder co-founder cofounder co-ceo editor
    speaker rt hon honourable honorable
    analyse analysis opinion commentary update updated editorial exclusive breaking live
    video photo photos watch read more advertisement sponsored related comments comment
    share tweet subscribe newsletter story continues below gallery image credit main
    staff reports report reporter reporting contributed correspondent wire wires
    ok tv pc dna hiv aids covid gdp ai phd mp mps mep meps faq pdf url fyi vs
    ii iii iv vi vii viii ix xi xii never wow hey ndlr afp-ndlr ipo suv suvs ev evs gps usb led lgbt
    lgbtq rna atm vat cpi diy
    mez mesz cet cest utc gmt est edt pst bst dios dieu gott god allah
    universe galaxy internet web online euro dollar
    commenter commentaires ajouter afficher suivez lire aussi
    herr frau dr. prof. bundeskanzler bundeskanzlerin kanzler kanzlerin ministerpräsident
    ministerpräsidentin bürgermeister bürgermeisterin präsident präsidentin vorsitzende
    vorsitzender sprecher sprecherin chef chefin
    monsieur madame mademoiselle m mme mlle président présidente ministre député députée
    maire sénateur sénatrice secrétaire porte-parole
    señor señora don doña presidente presidenta ministro ministra alcalde alcaldesa
    diputado diputada senador senadora portavoz secretario secretaria
    administrador administradora gobernador gobernadora comisario comisaria comisionado
    comisionada vicepresidente vicepresidenta canciller embajador embajadora
    commissaire vice-président vice-présidente gouverneur ambassadeur ambassadrice
    chancelier chancelière
    kommissar kommissarin premierminister premierministerin botschafter botschafterin
    staatssekretär staatssekretärin generalsekretär generalsekretärin
    commissioners ministers senators governors administrator
    """
)

# Titles that may precede a person's name; stripped from the span but used as a cue.
PERSON_TITLES = _words(
    """
    mr mr. mrs mrs. ms ms. mx dr dr. prof prof. sir dame lord lady president vice-president
    ambassador senator sen. sen rep. rep gov. gov governor mayor judge justice gen. gen attorney prosecutor
    general col. col colonel lt. lt lieutenant sgt. sgt sergeant capt. captain coach
    commissioner chancellor minister secretary pope cardinal bishop rev. rev reverend
    king queen prince princess sheikh chairman chairwoman ceo founder
    herr frau bundeskanzler bundeskanzlerin kanzler kanzlerin ministerpräsident
    ministerpräsidentin bürgermeister bürgermeisterin präsident präsidentin
    m. mme mme. mlle monsieur madame président présidente ministre
    sr. sra. señor señora don doña presidente presidenta ministro ministra
    administrador administradora gobernador gobernadora secretario secretaria comisario
    comisaria comisionado comisionada vicepresidente vicepresidenta canciller embajador
    embajadora alcalde alcaldesa senador senadora diputado diputada
    commissaire vice-président vice-présidente gouverneur ambassadeur ambassadrice
    sénateur sénatrice député députée maire chancelier chancelière
    kommissar kommissarin premierminister premierministerin gouverneur botschafter
    botschafterin staatssekretär staatssekretärin generalsekretär generalsekretärin
    commissioners ministers senators governors administrator
    """
)

# Words that, ending (or heading) a capitalised sequence, make it an organisation.
ORG_CUES = _words(
    """
    inc inc. ltd ltd. llc plc corp corp. corporation co co. company companies group holdings
    ag gmbh se kg sa s.a. sas sarl sl s.l. spa s.p.a. nv bv ab asa oyj
    ministry department dept agency authority administration office bureau council
    commission committee board assembly parliament congress senate house court tribunal
    police army navy force forces guard service services institute institution university
    college school academy foundation fund trust bank exchange association union federation
    league club party alliance organization organisation society centre center observatory
    laboratory lab hospital clinic museum library network team unit division coalition
    hotel stadium stadion stade estadio arena theater theatre
    movement church mission embassy consulate cabinet government airlines airways
    times post journal gazette herald tribune news press agency radio television channel
    zeitung rundschau nachrichten verein verband partei ministerium bundesamt amt gericht
    stiftung gesellschaft kanzlei konzern universität hochschule institut polizei
    ministère conseil comité cour tribunal parti assemblée sénat université fondation
    banque société groupe agence office institut union fédération
    ministerio consejo comité tribunal partido asamblea senado congreso universidad juzgado fiscalía poder
    audiencia ayuntamiento gobierno junta diputación consejería préfecture mairie gendarmerie parquet
    fundación banco sociedad grupo agencia instituto unión federación policía
    departamento guardia secretaría oficina servicio comisión dirección administración
    corte cámara ejército armada fuerza
    gouvernement parlement armée
    kommission regierung zentralbank rundfunk
    """
)

PLACE_CUES = _words(
    """
    street st st. avenue ave ave. road rd rd. drive dr. lane place boulevard blvd blvd.
    way square park bridge river lake mountain mountains mount mt mt. island islands bay
    valley county province state region district city town village airport station port
    terminal
    straße strasse platz weg allee gasse rue avenue boulevard place calle avenida plaza
    """
)
STREET_CUES = _words(
    "street st st. avenue ave ave. road rd rd. drive lane place boulevard blvd blvd. way "
    "court ct ct. circle cir terrace parkway pkwy highway hwy straße strasse str. platz weg "
    "allee gasse rue calle avenida"
)

# Institutions named by a capitalised common noun, and acronyms of economic terms: "el
# Gobierno italiano", "el Ejecutivo comunitario", "l'Hexagone", "le PIB",
# "una ONG", "in Zeiten von Corona" (compared folded; known multi-word names such as
# "Estados Unidos" are still read whole; "Etat" stays out for "Conseil d'Etat")
NON_ENTITY = NON_ENTITY | _words(
    """
    gobierno ejecutivo estado estados exteriores gouvernement hexagone
    pib ong bip tva corona
    """
)


# Nationality adjectives / demonyms / languages: capitalised but not entities by themselves.
DEMONYMS = _words(
    """
    american americans british briton britons english french german germans italian
    italians spanish spaniards chinese japanese russian russians ukrainian ukrainians
    european europeans african africans asian asians turkish turks greek greeks polish
    dutch belgian swiss austrian swedish norwegian danish finnish irish scottish welsh
    canadian canadians mexican mexicans brazilian argentine argentinian indian indians
    pakistani iranian iraqi syrian israeli israelis palestinian palestinians arab arabs
    arabic saudi egyptian korean koreans vietnamese thai indonesian australian
    serbian serbs kosovar kosovars albanian albanians bosnian croatian hungarian czech
    slovak romanian bulgarian portuguese catalan basque latin western eastern northern
    southern western-style muslim muslims christian christians jewish jews catholic
    protestant hindu hindus sikh sikhs buddhist buddhists republican republicans democrat democrats democratic conservative
    conservatives liberal liberals socialist socialists communist communists
    deutsch deutsche deutschen deutscher schweizer österreichische österreicher
    französisch französische amerikanische amerikanischen europäische europäischen
    essener stuttgarter berliner münchner kölner hamburger
    français française françaises américain américaine américains européen européenne
    allemand allemande espagnol espagnole italien italienne britannique chinois russe
    socialiste socialistes républicain républicaine
    español española españoles francés francesa alemán alemana europeo europea
    estadounidense británico británica chino ruso rusa latinoamericano
    croate croates serbe serbes bosniaque bosniaques albanais albanaise polonais polonaise
    roumain roumaine roumains hongrois hongroise grec grecque grecs turc turque turcs
    russes allemands anglais anglaise irlandais écossais belge belges suisses néerlandais
    portugais portugaise italiens italiennes espagnols espagnoles françaises américaines
    chinoise japonais japonaise coréen coréens indien indienne indiens pakistanais iranien
    iraniens irakien irakiens syrien syriens libanais israélien israéliens palestinien
    palestiniens égyptien égyptiens marocain marocains algérien algériens tunisien
    tunisiens africain africains européens ukrainien ukrainiens brésilien argentins
    mexicains canadien canadiens australien australiens
    croata croatas serbios albaneses polacos rumanos húngaros griegos turcos rusos
    alemanes franceses ingleses británicos estadounidenses chinos japoneses italianos
    portugueses mexicanos argentinos chilenos colombianos peruanos venezolanos cubanos
    europeos africanos ucraniano ucranianos israelíes palestinos iraníes iraquíes sirios
    Deutschen Franzosen Briten Amerikaner Russen Chinesen Italiener Spanier Ukrainer
    Türken Griechen Kroaten Serben Rumänen Österreicher Niederländer Belgier Japaner
    """
)

# Country and regional adjectives the first list lacks, and religious or political groups
# named by a capitalised word: closed classes, so listing them beats guessing from suffixes
# ("Libyan militants", "Egyptian Copts", "Islamist groups", "el holandés", "le politique letton").
DEMONYMS = DEMONYMS | _words(
    """
    afghan afghans algerian algerians angolan armenian armenians azerbaijani azeri
    bahraini bangladeshi bangladeshis belarusian beninese bolivian bolivians botswanan
    burmese burundian cambodian cameroonian chadian chilean chileans colombian
    colombians congolese costa-rican cuban cubans cypriot djiboutian dominican
    ecuadorian ecuadorians emirati emiratis eritrean estonian ethiopian ethiopians
    fijian filipino filipinos gabonese gambian georgian ghanaian ghanaians guatemalan
    guinean haitian haitians honduran icelandic ivorian jamaican jordanian jordanians
    kazakh kenyan kenyans kuwaiti kyrgyz lao laotian latvian lebanese liberian libyan
    libyans lithuanian luxembourgish macedonian malagasy malawian malaysian malaysians
    malian maltese mauritanian mauritian moldovan mongolian montenegrin moroccan
    moroccans mozambican namibian nepalese nepali nicaraguan nigerian nigerians nigerien
    omani panamanian paraguayan peruvian peruvians qatari rwandan salvadoran samoan
    senegalese slovenian slovene somali somalis sudanese surinamese swazi tajik
    tanzanian togolese tongan trinidadian tunisian tunisians turkmen ugandan uruguayan
    uzbek venezuelan venezuelans yemeni yemenis zambian zimbabwean slovakian romanians
    bulgarians hungarians czechs croats swedes norwegians danes finns scots welshman
    dutchman belgians austrians brazilians argentines argentinians pakistanis iranians
    iraqis syrians egyptians saudis lebanese afghans somalis sudanese kurd kurds kurdish
    yazidi yazidis pashtun tamil tamils uyghur uyghurs rohingya roman romans byzantine
    ottoman persian balkan nordic scandinavian scandinavians slavic arabian levantine
    sahrawi maghrebi latino latinos hispanic anglo-saxon celtic gaelic islamist
    islamists jihadist jihadists salafist salafists salafi sunni sunnis shia shiite
    shiites alawite alawites copt copts coptic maronite druze orthodox evangelical
    evangelicals baptist baptists methodist mormon mormons quaker zionist zionists
    marxist marxists leninist maoist maoists trotskyist fascist fascists nazi nazis
    neo-nazi neo-nazis holandés holandesa holandeses británicos mexicano mexicana
    mexicanos emiratí emiratíes polaco polaca polacos portugués portuguesa italiano
    italiana italianos griego griega turco turca ucraniano ucraniana israelí israelíes
    palestino palestinos venezolano venezolana argentino chileno chilena colombiano
    colombiana peruano peruana cubano cubana marroquí argelino tunecino egipcio egipcia
    sirio libio iraní iraquí saudí afgano japonés japonesa coreano coreana indio letton
    lettonne lituanien estonien autrichien autrichienne autrichiens hongrois suédois
    norvégien danois finlandais tchèque slovaque slovène bulgare ukrainien ukrainienne
    ukrainiens vénézuélien vénézuélienne mexicain mexicaine brésilien brésilienne
    argentin argentine colombien chilien péruvien cubain marocain marocaine algérien
    algérienne tunisien tunisienne égyptien égyptienne libyen saoudien afghan turque
    turcs kurde kurdes italienischen italienische spanischen spanische französischen
    britischen britische russischen russische ukrainischen ukrainische polnischen
    polnische türkischen türkische griechischen griechische chinesischen chinesische
    japanischen japanische österreichischen österreichischer schweizerischen
    niederländischen niederländische
    """
)

# Things that look like names but are products/services (labelling convention: not entities).
PRODUCTS = _words(
    "wikipedia gmail iphone iphones ipad ipads ios android windows siri alexa chrome "
    "youtube whatsapp instagram twitter x tiktok playstation xbox kindle "
    # technical terms and protocols written in capitals are no organisations either
    "imap smtp pop3 vpn vpns http https html usb gps wifi wi-fi api apis url pdf sms lte "
    "4g 5g dns qr totp os cpu gpu ssd tty tdd "
    # chemical formulas are no organisations either
    "co2 nox no2 so2 ch4 h2o pm10 pm2.5"
)

# Connectors allowed inside a name when followed by another capitalised word.
NAME_LINKS = _words(
    "of for on and & de du des la le del di da do dos das von van der den zur zum für und y e af al "
    "para pour"
)
# Particles that belong to a person's name.
NAME_PARTICLES = _words("de da di del della van von der den la le du dos das ter ten bin ibn al")

# Known institutions, regions and places that are not countries (compared casefolded,
# without diacritics).  Value: kind.
KNOWN_ENTITIES: dict[str, str] = {}


def _add(kind: str, names: str) -> None:
    for n in _lines(names):
        KNOWN_ENTITIES[n] = kind


_add(
    "place",
    """
    Europe
    Africa
    Asia
    America
    North America
    South America
    Latin America
    Central America
    Oceania
    Antarctica
    Arctic
    Middle East
    Near East
    Far East
    Balkans
    Western Balkans
    Caucasus
    Scandinavia
    Caribbean
    Mediterranean
    Atlantic
    Pacific
    Gulf
    Persian Gulf
    Sahel
    Silicon Valley
    Wall Street
    Earth
    Moon
    Mars
    Milky Way
    Solar System
    Europa
    Nordamerika
    Südamerika
    Lateinamerika
    Mittelamerika
    Südostasien
    Osteuropa
    Westeuropa
    Nordafrika
    Amérique du Nord
    Amérique du Sud
    Afrique du Nord
    América del Norte
    América del Sur
    Norteamérica
    Sudamérica
    Centroamérica
    Southeast Asia
    Eastern Europe
    Western Europe
    North Africa
    West Africa
    East Africa
    Central Asia
    South Asia
    Afrika
    Asien
    Amerika
    Nahost
    Naher Osten
    Westbalkan
    Balkan
    Mittelmeer
    Ostsee
    Nordsee
    Europe de l'Est
    Afrique
    Asie
    Amérique
    Amérique latine
    Moyen-Orient
    Proche-Orient
    Atlantique
    Méditerranée
    Europa del Este
    Oriente Medio
    Oriente Próximo
    Latinoamérica
    América Latina
    Iberoamérica
    Mediterráneo
    Atlántico
    Pacífico
    Gaza
    West Bank
    Crimea
    Donbas
    Kashmir
    Tibet
    Kurdistan
    Catalonia
    Katalonien
    Catalogne
    Cataluña
    Catalunya
    Basque Country
    País Vasco
    Andalucía
    Andalusia
    Bavaria
    Bayern
    Brittany
    Bretagne
    Normandie
    Normandy
    Provence
    Corse
    Corsica
    Sicily
    Sicilia
    Sardinia
    Tuscany
    Toscana
    Lombardy
    Lombardia
    Scotland
    Schottland
    Écosse
    Escocia
    Wales
    England
    Angleterre
    Inglaterra
    Northern Ireland
    Britain
    Great Britain
    Großbritannien
    Grande-Bretagne
    Gran Bretaña
    Holland
    Siberia
    Sibirien
    Sibérie
    Patagonia
    Amazon
    Amazonas
    Amazonie
    Sahara
    Alps
    Alpen
    Alpes
    Pyrenees
    Pyrénées
    Pirineos
    Himalayas
    Rhine
    Rhein
    Rhin
    Danube
    Donau
    Seine
    Thames
    Ebro
    Kosovo
    Volksrepublik China
    People's Republic of China
    République populaire de Chine
    República Popular China
    Taiwan
    Palestine
    Hong Kong
    Macau
    Macao
    Puerto Rico
    Greenland
    Grönland
    Groenland
    Groenlandia
    """,
)

# Major cities with their exonyms in the four languages.  One group per line, first is
# the English name (used as the merge key).
CITY_GROUPS = _lines(
    """
    London|Londres|London
    Paris
    Berlin|Berlín
    Madrid
    Rome|Rom|Roma
    Vienna|Wien|Vienne|Viena
    Brussels|Brüssel|Bruxelles|Bruselas
    Amsterdam|Ámsterdam
    The Hague|Den Haag|La Haye|La Haya
    Rotterdam
    Lisbon|Lissabon|Lisbonne|Lisboa
    Athens|Athen|Athènes|Atenas
    Warsaw|Warschau|Varsovie|Varsovia
    Prague|Prag|Praga
    Budapest
    Bucharest|Bukarest|Bucarest
    Sofia|Sofía
    Belgrade|Belgrad|Belgrado
    Pristina|Priština|Prishtina|Prishtinë
    Zagreb
    Ljubljana
    Sarajevo
    Skopje
    Tirana
    Podgorica
    Mitrovica
    Kyiv|Kiev|Kiew|Kiev
    Moscow|Moskau|Moscou|Moscú
    St. Petersburg|Saint Petersburg|Sankt Petersburg|Saint-Pétersbourg|San Petersburgo
    Minsk
    Vilnius
    Riga
    Tallinn
    Helsinki
    Stockholm|Estocolmo
    Oslo
    Copenhagen|Kopenhagen|Copenhague
    Reykjavik
    Dublin|Dublín
    Edinburgh|Édimbourg|Edimburgo
    Glasgow
    Manchester
    Liverpool
    Birmingham
    Leeds
    Bristol
    Oxford
    Cambridge
    Belfast
    Cardiff
    Geneva|Genf|Genève|Ginebra
    Zurich|Zürich
    Bern|Berne|Berna
    Basel|Bâle|Basilea
    Lausanne
    Milan|Mailand|Milano|Milán
    Turin|Turín|Torino
    Naples|Neapel|Napoli|Nápoles
    Florence|Florenz|Firenze|Florencia
    Venice|Venedig|Venise|Venecia|Venezia
    Genoa|Genua|Gênes|Génova
    Bologna|Bologne|Bolonia
    Palermo
    Barcelona|Barcelone
    Valencia|Valence
    Seville|Sevilla|Séville
    Bilbao
    Zaragoza|Saragossa
    Málaga
    Malaga
    Granada
    Palma
    Las Palmas
    Porto
    Marseille|Marseilles|Marsella
    Lyon|Lyons|Lyón
    Toulouse
    Nice|Niza
    Nantes
    Strasbourg|Straßburg|Estrasburgo
    Bordeaux|Burdeos
    Lille
    Rennes
    Montpellier
    Grenoble
    Reims
    Le Havre
    Calais
    Dunkirk|Dunkerque
    Ajaccio
    Mâcon|Macon
    Avignon|Aviñón
    Munich|München|Múnich
    Hamburg|Hambourg|Hamburgo
    Cologne|Köln|Colonia
    Frankfurt|Francfort|Fráncfort
    Stuttgart
    Düsseldorf
    Dortmund
    Essen
    Leipzig
    Dresden|Dresde
    Hanover|Hannover|Hanovre
    Nuremberg|Nürnberg|Nuremberg|Núremberg
    Bremen|Brême
    Bonn
    Duisburg
    Bochum
    Mannheim
    Karlsruhe
    Freiburg
    Heidelberg
    Münster
    Augsburg
    Wiesbaden
    Mainz|Mayence
    Potsdam
    Rostock
    Kiel
    Magdeburg
    Erfurt
    Chemnitz
    Salzburg|Salzbourg
    Innsbruck
    Graz
    Linz
    Luxembourg City
    Antwerp|Antwerpen|Anvers|Amberes
    Ghent|Gent|Gand
    Liège|Lüttich
    Istanbul|Estambul
    Ankara
    Izmir
    Jerusalem|Jérusalem|Jerusalén
    Tel Aviv
    Beirut|Beyrouth
    Damascus|Damaskus|Damas|Damasco
    Baghdad|Bagdad
    Tehran|Teheran|Téhéran|Teherán
    Riyadh|Riad|Riyad
    Dubai|Dubaï|Dubái
    Abu Dhabi
    Doha
    Cairo|Kairo|Le Caire|El Cairo
    Tunis|Túnez
    Algiers|Algier|Alger|Argel
    Rabat
    Casablanca
    Tripoli|Tripolis
    Khartoum|Khartum|Jartum
    Addis Ababa|Addis Abeba
    Nairobi
    Lagos
    Abuja
    Accra
    Dakar
    Kinshasa
    Johannesburg|Johannesbourg
    Cape Town|Kapstadt|Le Cap|Ciudad del Cabo
    Pretoria
    Kabul|Kaboul
    Islamabad
    Karachi
    Lahore
    New Delhi|Neu-Delhi|New Delhi|Nueva Delhi
    Delhi
    Mumbai|Bombay
    Kolkata|Calcutta
    Bangalore|Bengaluru
    Chennai
    Dhaka
    Kathmandu
    Colombo
    Bangkok
    Hanoi
    Ho Chi Minh City
    Phnom Penh
    Kuala Lumpur
    Singapore City
    Jakarta
    Manila|Manille
    Beijing|Peking|Pékin|Pekín
    Shanghai|Schanghai|Shanghái
    Guangzhou
    Shenzhen
    Wuhan
    Chengdu
    Chongqing
    Tianjin
    Hangzhou
    Nanjing
    Xi'an
    Guiyang
    Taipei|Taipeh|Taipéi
    Seoul|Séoul|Seúl
    Pyongyang|Pjöngjang
    Tokyo|Tokio
    Osaka
    Kyoto
    Hiroshima
    Sydney|Sídney
    Melbourne
    Brisbane
    Perth
    Canberra
    Auckland
    Wellington
    Washington|Washington, D.C.
    New York|New York City|Nueva York
    Los Angeles
    Chicago
    Houston
    Philadelphia
    Phoenix
    San Antonio
    San Diego
    Dallas
    San Jose
    Austin
    Jacksonville
    San Francisco
    Columbus
    Indianapolis
    Seattle
    Denver
    Boston
    Detroit
    Nashville
    Memphis
    Portland
    Las Vegas
    Louisville
    Baltimore
    Milwaukee
    Albuquerque
    Tucson
    Sacramento
    Kansas City
    Atlanta
    Miami
    Orlando
    Tampa
    Minneapolis
    St. Paul
    Cleveland
    Cincinnati
    Pittsburgh
    St. Louis
    New Orleans
    Buffalo
    Spokane
    Honolulu
    Anchorage
    Salt Lake City
    Oakland
    Palo Alto
    Cupertino
    Mountain View
    Menlo Park
    Redmond
    Toronto
    Montreal|Montréal
    Vancouver
    Ottawa
    Calgary
    Quebec City|Québec
    Mexico City|Mexiko-Stadt|Ciudad de México
    Guadalajara
    Monterrey
    Havana|Havanna|La Havane|La Habana
    Caracas
    Bogotá|Bogota
    Medellín
    Lima
    Quito
    La Paz
    Santiago
    Buenos Aires
    Montevideo
    Asunción
    São Paulo|Sao Paulo
    Rio de Janeiro
    Brasília|Brasilia
    """
)

# Well-known organisations with their aliases; first name is the label.
ORG_GROUPS = _lines(
    """
    North Atlantic Treaty Organization|NATO|North Atlantic Alliance|OTAN|Nato
    European Union|EU|E.U.|Europäische Union|Union européenne|UE|Unión Europea
    United Nations|UN|U.N.|Vereinte Nationen|UNO|Nations unies|ONU|Naciones Unidas
    European Commission|EU Commission|EU-Kommission|Commission européenne|Comisión Europea
    European Parliament|EU-Parlament|Europaparlament|Europäisches Parlament|Parlement européen|Parlamento Europeo
    European Central Bank|ECB|EZB|BCE
    International Monetary Fund|IMF|IWF|FMI
    World Bank|Weltbank|Banque mondiale|Banco Mundial
    World Health Organization|WHO|Weltgesundheitsorganisation|OMS|Organisation mondiale de la santé
    World Trade Organization|WTO|OMC
    Organisation for Economic Co-operation and Development|OECD|OCDE
    Kosovo Force|KFOR
    White House|Weißes Haus|Maison Blanche|Casa Blanca
    State Department
    Pentagon
    Kremlin|Kreml|Kremlin
    Élysée|Elysée|Élysée Palace
    Matignon
    Downing Street
    Congress
    Bundestag|Bundestages
    Bundesrat
    Bundesregierung
    Bundesverfassungsgericht
    Bundeswehr
    Bundestagsverwaltung
    Bundesanwaltschaft
    Bundeskartellamt
    Bundesnetzagentur
    Bundesliga
    Landtag
    Assemblée nationale
    Sénat
    Conseil constitutionnel
    Conseil d'État
    Congreso de los Diputados
    Moncloa
    Generalitat
    Reuters
    Associated Press|AP
    Agence France-Presse|AFP
    Deutsche Presse-Agentur|dpa
    Agencia EFE|EFE
    Europa Press
    BBC
    CNN
    Google
    Apple
    Microsoft
    Amazon
    Meta
    Facebook
    Alibaba
    Tencent
    Huawei
    Samsung
    Tesla
    Volkswagen|VW
    Siemens
    Daimler
    Mercedes-Benz
    BMW
    Airbus
    Boeing
    Renault
    Peugeot
    Telefónica
    Santander
    Salesforce
    Getty|Getty Images
    ARD
    ZDF
    WDR
    NDR
    SWR
    RTL
    Deutschlandfunk
    CDU
    CSU
    SPD
    FDP
    Alternative für Deutschland|AfD
    Die Linke
    Bündnis 90/Die Grünen|Grünen|Grüne|Die Grünen
    Le Monde
    Le Figaro
    Libération
    Le Parisien
    Les Echos
    Ouest-France
    France Télévisions
    Radio France
    RFI
    AFP
    Parti socialiste|PS
    Les Républicains|LR
    Rassemblement national|RN
    La France insoumise|LFI
    UMP
    UDI
    MoDem
    El País
    El Mundo
    La Vanguardia
    RTVE
    Cadena SER
    PSOE
    Partido Popular|PP
    Clarín
    La Nación
    New York Times|NYT
    Washington Post
    Wall Street Journal|WSJ
    Financial Times|FT
    Bloomberg
    The Guardian
    Süddeutsche Zeitung|SZ
    Frankfurter Allgemeine Zeitung|FAZ
    Der Spiegel
    Handelsblatt
    Red Cross|Rotes Kreuz|Roten Kreuz|Roten Kreuzes|Croix-Rouge|Cruz Roja
    Norddeutscher Rundfunk|Norddeutschen Rundfunk|Norddeutschen Rundfunks
    Westdeutscher Rundfunk|Westdeutschen Rundfunk|Westdeutschen Rundfunks
    Interpol
    """
)

# Inflected or spaced spellings of names the gazetteer already holds: alias -> known name.
ALIASES = {
    "Vereinigte Königreich": "Vereinigtes Königreich",
    "Vereinigten Königreichs": "Vereinigtes Königreich",
    "Vereinigten Staaten": "Vereinigte Staaten",
    "EE. UU.": "EE.UU.",
    "EE.UU": "EE.UU.",
    "EEUU": "EE.UU.",
}

# First names (casefolded) for recognising people, especially in German text where every
# noun is capitalised.  A broad international list: English, German, French, Spanish,
# Italian, Slavic, Arabic, Chinese romanisations that occur as given names.
FIRST_NAMES = _words(
    """
    aaron abdul abdullah abraham adam adrian agnes ahmed ahmad aidan alan alberto albert
    alejandro aleksandar alex alexander alexandra alexandre alexis alfred alfredo ali alice
    alicia alina alison amanda amber amelie amy ana anders andrea andreas andrew andrés
    andré andrés andrzej angela angelika angel ángel anita ann anna anne annette anthony
    antoine anton antonio april ariane arnaud arthur ashley audrey axel barack barbara
    barry bart beatriz ben benedikt benjamin bernard bernd bernie bertrand beth betty bill
    birgit bob bobby bonnie boris brad brandon brenda brian bruce bruno bryan carl carla
    carlos carmen carol caroline carolyn casey catherine cecilia charles charlie charlotte
    chen chris christa christian christiane christina christine christoph christophe
    christopher chuck claire clara claude claudia clémence colin connie cristina cynthia
    dan daniel daniela danielle danny dario david dawn dean deborah debbie denis dennis
    derek devan di diana diane diego dieter dimitri dirk dolores dominique don donald doris
    dorothy doug douglas dylan ed eddie edgar edith eduardo edward elena eli elias elisabeth
    elizabeth ella ellen elon emily emma emmanuel enrique eric erik erika ernesto ernst eugene
    eva evelyn fabian fabien fatima federico felipe felix félix fernando fiona florence
    florian francesco francis francisco franck frank franz françois frédéric friedrich fritz
    gabriel gabriela gabriele gary gavin geoffrey george georg georges gérard gerald gerhard
    gerry gina giorgia giovanni gisela giuseppe glenn gloria gordon grace greg gregory
    gretchen guido guillaume günter günther gustavo guy hannah hannes hans harald harlem
    harold harry hartmut hassan heather heike heiko heinrich heinz heidi helen helena helga
    helmut henri henry herbert hermann hillary horst howard hubert hugo hunter ian ignacio
    ilse ingrid irene iris isaac isabel isabella isabelle isaskun ivan iván jack jackie jacob
    jacqueline jacques jaime jake james jamie jan jane janet janine jasmin jason javier jean
    jeanne jeff jeffrey jennifer jens jeremy jérôme jesse jessica jesús jill jim jimmy jo joan
    joanna joaquín jochen joe joel johann johanna johannes john jon jonas jonathan jordan
    jorge josé josef joseph josh joshua josé juan judith judy julia julian julie julien
    juliette julio jürgen justin justine kai kamala karen karin karl karla kate katharina
    katherine kathleen kathrin kathy katie katja keith kelly ken kenneth kerstin kevin kim
    klaus konrad kristina kurt kyle lara larry laura laurent lea léa leah lena leo leon léon
    leonardo leslie liam lily linda lisa liz lorenzo louis louise luc luca lucas lucía lucy
    ludwig luis luisa lukas luke lutz lynn magdalena maike manfred manuel manuela marc marcel
    marco marcus margaret margarete margot maria marie marina mario marion mark markus marta
    martha martin martina martine mary mateo mathias mathieu matt matteo matthew matthias
    maura maurice max maximilian megan melanie melissa mia michael michaela michel michele
    michelle miguel mike mikhail milan miriam mitch mitt mohamed mohammad mohammed monica
    monika nadia nadine nancy naomi natalia natalie nathalie nathan neil nicholas nick nico
    nicola nicolas nicole niklas nils nina noah norbert norman olaf olga oliver olivia olivier
    omar oscar óscar otto pablo pamela paola pascal patricia patrick paul paula pauline pedro
    peggy peter petra philip philipp philippe pierre pilar rachel rafael rainer ralf ralph
    ramón randy raphael raúl ray raymond rebecca reinhard renate rené ricardo richard rick
    rita rob robert roberto robin rodrigo roger roland rolf roman ron ronald rosa rose ruby
    rudolf rudy russell ruth ryan sabine sabrina sally sam samantha samuel sandra sara sarah
    sascha scott sean sebastian sébastien sergei sergio seth sharon shirley silke silvia
    simon simone sofia sofía sonja sophia sophie stefan stefanie steffen stephan stephanie
    stephen steve steven susan susanne sven sylvia sylvie tanja teresa thierry thomas thorsten
    tim timothy tina tobias todd tom tommy toni tony torsten ulrich ulrike ursula uwe valentin
    valérie vanessa vera veronica victor victoria vincent virginie vladimir volker volodymyr
    walter werner wilhelm william willy wolfgang xavier yann yannick yolanda yvonne zach
    zachary zoe zoé emmanuelle ségolène édouard jean-marc jean-pierre jean-luc jean-paul
    jean-claude jean-yves jean-louis jean-michel jean-françois marie-claire anne-marie
    hans-peter karl-heinz hans-jürgen jose maría josé-luis pedro joe kamal narendra xi
    recep tayyip viktor aleksandar vjosa albin hashim ramush edi giorgia olaf friedrich
    annalena robert christian markus hubertus nancy janine ricarda saskia sahra alice
    emmanuel gabriel marine jordan édouard élisabeth bruno gérald rishi keir boris liz
    theresa pedro yolanda santiago alberto isabel ayuso ursula roberta josep carles
    antony antonio mariano felipe letizia juanma íñigo ione izaskun joseba iratxe oihane ibon mikel
    miquel iñaki aitor ander unai txema koldo xabier gorka
    """
)

# More given names, common in English-, German-, French-, Spanish-, Italian-speaking and
# other news.  Names that are also ordinary words or places in one of our languages are
# left out ("Will", "Hope", "Paz", "Reyes", "Mercedes", "Victoire", "Wolf", "Austin",
# "Georgia", "Montserrat"): evidence from a given name must not turn prose into people.
FIRST_NAMES = FIRST_NAMES | _words(
    """
    alec alfie allen alvin andy angus archie arnold barry billy blake bradley brendan brett
    brody bryce byron caleb calvin cameron cecil chad chester clarence clark clay clayton
    clifford clint clinton clyde cody conor connor corey craig curtis cyril damian damien
    damon darius darren darryl dave declan derrick desmond devin dominic donovan dwayne
    dwight earl edmund edwin elijah elliot elliott elmer emmett ernest ethan evan everett
    floyd franklin fred freddie frederick gareth garrett gene geoff gilbert glen graham
    grayson gregg harrison harvey hector herman homer horace hugh isaiah jared jarrod jay
    jeffery jerome jerry johnny kelvin kendall kent kieran kirk lance lawrence lee leonard
    leroy lester lewis lloyd logan lonnie luther lyle malcolm marvin maurice melvin micah
    milton mitchell morgan murray nathaniel ned neville nigel owen percy perry phil phillip
    preston quentin quincy randall randolph raul reginald rex ricky riley robbie rodney rory
    ross roy rupert russ sammy seamus shane shaun shawn sidney spencer stanley stuart
    terrence terry theo theodore timmy toby trevor troy tyler vance vernon vince wallace
    warren wayne wesley wilbur willie winston zack
    abigail ada adele adriana agatha aileen alana alexa alisha allison alma alyssa amelia
    angelina annabel annie antoinette arlene ava becky belinda bernadette beverly bianca
    brianna bridget brittany brooke camila candace cara carly carrie cassandra cathy celia
    chantal cheryl chloe christy cindy claudette colleen courtney daisy dana daphne darlene
    debra delia denise dolly donna dora edna eileen elaine eleanor elisa eliza ellie eloise
    elsa emilia erin esther ethel eugenia eunice felicity frances francesca geraldine
    gillian gwen gwendolyn hailey harriet hazel hilary holly ida imogen irma isla jade jana
    janice jasmine jeanette jenna jenny jessie joanne jocelyn josephine joyce juanita
    julianne kara kathryn katrina kay kayla kelsey kendra kirsten krista kristen kristin
    lacey lauren laverne leila lillian lindsay lindsey lois lorraine lucille lydia mabel
    mackenzie madeline mae maggie mandy marcia margie mariah marianne marilyn marjorie
    marlene maureen maxine meredith mildred millie miranda molly monique muriel nell nora
    norma paige patsy phyllis priscilla rachael ramona rhonda rosalind rosemary roxanne
    sadie sandy selena serena shannon sheila shelby sherry sonia stacy stella sue suzanne
    tamara tammy tanya tara terri tess tiffany tracy trisha valerie vicki viola vivian
    wanda wendy whitney yvette
    achim alfons alois anke annegret annika antje armin arnd bärbel bastian beate bernhard
    bettina björn burkhard carsten cem cornelia dagmar detlef dietmar dorothea ekkehard elke
    erich erwin eckhard friedhelm gabi gerd gerda gerlinde gesine gregor gudrun gunnar hanna
    hannelore heiner hildegard holger ingo ingeborg jannik jörg jutta karsten lars lothar
    malte marlies meike merle mirko nadja ortwin rüdiger sigmar sigrid sören sybille thilo
    torben udo ulf ulla uta ute veronika waltraud wiebke willi winfried wolfram
    adèle adrien agathe agnès alain albane alexia alix amandine ambroise anaïs anatole
    annick apolline arlette armand aurélie aurélien axelle baptiste bastien benoît blandine
    brigitte camille capucine céline charlène christelle clément clothilde colette coralie
    corinne cyrille delphine didier edwige éloïse élodie estelle étienne eugénie fabienne
    fabrice francine françoise frédérique gaëlle gaspard geneviève ghislaine gilles ginette
    grégoire gwenaëlle hélène hervé inès jean-baptiste jean-christophe jean-jacques
    jean-noël jeannine jocelyne joël josette laetitia laure laurence léonie lionel loïc
    lucie ludovic lydie madeleine maëlle marcelle margaux marie-christine marie-france
    marie-hélène marius maxime mélanie michèle mireille morgane murielle nadège noémie
    océane odile pascale patrice paulette perrine philippine raphaël raphaëlle régine régis
    rémi rémy renaud roselyne salomé serge séverine solène stéphane stéphanie sylvain
    thibault thibaut timothée tristan valentine valéry véronique yves
    adolfo agustín alba alfonso álvaro antonia araceli begoña borja carmelo catalina
    cayetana cristóbal elvira emilio esteban fermín fidel florencia gema gonzalo gregorio
    guillermo héctor hilario horacio humberto inmaculada jacinto jimena joaquim jordi josefa
    julián leticia lorena macarena manolo marcela margarita marisol matías maximiliano nerea
    nicolás núria octavio paloma patricio ramiro raquel rocío rodolfo rogelio rubén sancho
    teodoro valeria vicente víctor ximena
    alessandro alessandra alessia angelo antonella beppe carlo chiara cristiano daniele
    davide domenico emanuele enrico enzo fabio fabrizio federica filippo franca gianluca
    gianni giacomo giorgio giulia giulio ignazio lorenza marcello maurizio mauro michela
    paolo pier piero raffaele renato riccardo silvio simona stefano tommaso umberto
    valentina vittorio massimo
    abdel abdelaziz ahmet amir amina aziz bashar emre fatih faisal farid hamid hussein
    ibrahim ismail jamal karim khalid mahmoud mehmet mustafa nabil nasser osama rashid salim
    samir tariq walid yasmin youssef yusuf zainab
    amit anil anand ankur arjun arun deepak gaurav joyjeet manish nikhil pooja priya rahul
    rajesh ravi rohit sachin sanjay shikhar sunil suresh vijay vikram virat
    aleksandr aleksei alexei andrei anatoly dmitry dmitri igor irina jaroslaw katarzyna
    krzysztof lech marek mateusz miroslav natalya oleg pavel piotr sergey svetlana tomasz
    vadim vasily yuri yulia zbigniew traian vasile ion ioana mihai dacian
    """
)

# More given names heard in news in the four languages and from names often in world news;
# compared folded, so "Cécile" and "Cecile" are one entry.
FIRST_NAMES = FIRST_NAMES | _words(
    """
    katrin franziska cécile éric cédric rachida najat inés austin kimberly madison lori
    jürgen jörg jens jan-philipp björn sven dirk ulf kai knut lars nils henning hendrik
    carsten torsten thorsten jochen joachim achim reinhard reinhold siegfried wilfried
    winfried gottfried hartmut helmut lothar ottmar eckhard ekkehard gerd gert udo ute
    uta heidi hannelore gudrun sigrid waltraud dörte antje silke wiebke frauke imke
    meike svenja nadine yvonne jasmin janina ricarda annegret marieluise katarina
    kristin cornelia dorothee edeltraud roswitha hildegard elke ilse irmgard gisela
    rosemarie christa marlene henriette wolfram ansgar burkhard volkmar gunnar hauke
    jannes finn mats malte ole till timo tilman aurélien baptiste bertrand clément
    damien fabien florent frédéric gaël grégory guillaume hervé jacques-henri
    jean-baptiste jean-claude jean-marie jean-paul jean-pierre jérémie lionel ludovic
    marc-antoine maxime mickaël pascal régis romain sylvain thibault thibaut xavier
    yannick yves anne-sophie aurore béatrice bérénice capucine chantal clémentine
    corinne delphine élise émilie estelle éliane fabienne florence gisèle hélène josiane
    laetitia lætitia lucie manon mathilde maud mireille muriel nadia océane pascale
    patricia perrine sandrine séverine solène sylviane yasmina ségolène marlène édith
    agustín alfonso álvaro andrés ángela aitor arantxa ascensión asier borja candela
    consuelo concepción encarnación esperanza esteban eva-maría fátima federico gabriela
    graciela gustavo héctor hernán ignacio iñigo jaime jimena lorena lourdes macarena
    marisol mercedes milagros montserrat nerea nieves noelia patricio ramiro remedios
    ricardo rodrigo soledad susana ximena xabier yolanda zaida cayetana carolina abdel
    abdullah abu ahmad ahmed ali amir amin anwar ashraf ayman bashar faisal fatima hamid
    hassan hussein ibrahim imran jamal karim khaled khalid mahmoud mohamed mohammed
    muhammad mustafa nabil omar rashid said salman sami tariq youssef yusuf hamad tamim
    recep tayyip vladimir volodymyr sergei sergey dmitry dmitri alexei aleksandr
    alexandr andrei mikhail nikolai yuri oleg boris igor viktor ivan petro arseniy yulia
    svetlana olga tatiana natalia irina narendra rahul sonia arvind amit anand deepak
    shinzo fumio yoshihide jacinda benjamín giorgia matteo giuseppe giancarlo gianni
    pierluigi silvio romano enrico massimo
    """
)
