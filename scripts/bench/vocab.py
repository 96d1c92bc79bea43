"""Names, outlets and page furniture for the benchmark corpus generator.

Each person lists the spellings English-language outlets really use, the usual one
first; the generator picks one per article (styled by the outlet) and refers back to
the person by surname. Korean names come first, then the foreign leaders who appear
in the same stories.
"""

# (spellings, surname used on later mentions)
KOREAN_PEOPLE = [
    (["Kim Jong Un", "Kim Jong-un", "Kim Jong-Un", "KIM JONG UN"], "Kim"),
    (["Yoon Suk Yeol", "Yoon Suk-yeol", "Yun Seok-yeol", "Yoon Seok-youl"], "Yoon"),
    (["Cho Tae-yul", "Cho Tae Yul", "Jo Tae-yul"], "Cho"),
    (["Lee Jae-myung", "Lee Jae Myung", "Lee Jae-Myung", "Yi Jae-myeong"], "Lee"),
    (["Choe Son Hui", "Choe Son-hui", "Choe Son-Hui", "Choi Son-hui"], "Choe"),
    (["Kim Yo Jong", "Kim Yo-jong", "Kim Yo-Jong", "KIM YO JONG"], "Kim"),
    (["Han Duck-soo", "Han Duck Soo", "Han Deok-su"], "Han"),
    (["Park Jin", "Pak Jin"], "Park"),
    (["Chung Eui-yong", "Chung Eui Yong", "Jeong Ui-yong"], "Chung"),
    (["Moon Jae-in", "Moon Jae In", "Mun Jae-in"], "Moon"),
    (["Ri Son Gwon", "Ri Son-gwon", "Lee Sun-kwon"], "Ri"),
    (["Kim Jong Il", "Kim Jong-il", "KIM JONG IL"], "Kim"),
    (["Kim Il Sung", "Kim Il-sung", "KIM IL SUNG"], "Kim"),
    (["Ri Sol Ju", "Ri Sol-ju", "Lee Seol-ju"], "Ri"),
    (["Choe Ryong Hae", "Choe Ryong-hae", "Choi Ryong-hae"], "Choe"),
    (["Kim Tok Hun", "Kim Tok-hun", "Kim Deok-hun"], "Kim"),
    (["Pak Pong Ju", "Pak Pong-ju", "Park Bong-ju"], "Pak"),
    (["Jo Yong Won", "Jo Yong-won", "Cho Yong-won"], "Jo"),
    (["Ri Pyong Chol", "Ri Pyong-chol", "Lee Byong-chol"], "Ri"),
    (["Pak Jong Chon", "Pak Jong-chon", "Park Jong-chon"], "Pak"),
    (["No Kwang Chol", "No Kwang-chol", "Noh Kwang-chol"], "No"),
    (["Kim Yong Chol", "Kim Yong-chol", "Kim Yong-chul"], "Kim"),
    (["Ri Yong Ho", "Ri Yong-ho", "Lee Yong-ho"], "Ri"),
    (["Hyon Song Wol", "Hyon Song-wol", "Hyun Song-wol"], "Hyon"),
    (["Kim Ju Ae", "Kim Ju-ae", "Kim Ju-Ae"], "Kim"),
    (["Kim Song", "Kim Sung"], "Kim"),
    (["Park Geun-hye", "Park Geun Hye", "Pak Kun-hye"], "Park"),
    (["Lee Myung-bak", "Lee Myung Bak", "Yi Myeong-bak"], "Lee"),
    (["Kim Dae-jung", "Kim Dae Jung", "Kim Tae-jung"], "Kim"),
    (["Roh Moo-hyun", "Roh Moo Hyun", "No Mu-hyeon"], "Roh"),
    (["Kang Kyung-wha", "Kang Kyung Wha", "Kang Gyeong-hwa"], "Kang"),
    (["Suh Hoon", "Seo Hun"], "Suh"),
    (["Shin Won-sik", "Shin Won Sik", "Sin Won-sik"], "Shin"),
    (["Kim Yong-hyun", "Kim Yong Hyun", "Kim Yong-hyeon"], "Kim"),
    (["Lee Jong-sup", "Lee Jong Sup", "Yi Jong-seop"], "Lee"),
    (["Kim Sung-han", "Kim Sung Han", "Kim Seong-han"], "Kim"),
    (["Chang Ho-jin", "Chang Ho Jin", "Jang Ho-jin"], "Chang"),
    (["Kim Hong-kyun", "Kim Hong Kyun", "Kim Hong-gyun"], "Kim"),
    (["Choo Kyung-ho", "Choo Kyung Ho", "Chu Kyung-ho"], "Choo"),
    (["Ban Ki-moon", "Ban Ki Moon", "Ban Gi-mun"], "Ban"),
    (["Kim Keon-hee", "Kim Kun-hee", "Kim Geon-hui"], "Kim"),
    (["Han Dong-hoon", "Han Dong Hoon", "Han Dong-hun"], "Han"),
    (["Thae Yong-ho", "Thae Yong Ho", "Tae Yong-ho"], "Thae"),
    (["Choi Sang-mok", "Choi Sang Mok", "Choe Sang-mok"], "Choi"),
    (["Woo Won-shik", "Woo Won Shik", "U Won-sik"], "Woo"),
    (["Yun Byung-se", "Yun Byung Se", "Yoon Byung-se"], "Yun"),
    (["Kwon Young-se", "Kwon Young Se", "Gwon Yeong-se"], "Kwon"),
    (["Wi Sung-lac", "Wi Sung Lac", "Wi Seong-rak"], "Wi"),
]

FOREIGN_PEOPLE = [
    (["Vladimir Putin"], "Putin"),
    (["Xi Jinping"], "Xi"),
    (["Li Qiang"], "Li"),
    (["Fumio Kishida"], "Kishida"),
    (["Shigeru Ishiba"], "Ishiba"),
    (["Antony Blinken"], "Blinken"),
    (["Sergei Lavrov", "Sergey Lavrov"], "Lavrov"),
    (["Sergei Shoigu", "Sergey Shoigu"], "Shoigu"),
    (["Wang Yi"], "Wang"),
    (["Joe Biden"], "Biden"),
    (["Donald Trump"], "Trump"),
    (["Lloyd Austin"], "Austin"),
    (["Yoko Kamikawa"], "Kamikawa"),
    (["António Guterres", "Antonio Guterres"], "Guterres"),
    (["Georgy Zinoviev"], "Zinoviev"),
]

TITLES = {
    "Kim Jong Un": ["North Korean leader", "Chairman", "leader"],
    "Yoon Suk Yeol": ["South Korean President", "President"],
    "Vladimir Putin": ["Russian President", "President"],
    "Xi Jinping": ["Chinese President", "President"],
}

# name, short name for datelines, spelling style of Korean names, apostrophe, layout
# style: "spaced" Kim Jong Un, "hyphen" Kim Jong-un, "hyphen-cap" Kim Jong-Un, "any".
OUTLETS = [
    ("Yonhap News Agency", "Yonhap", "hyphen", "'", "wire"),
    ("The Korea Herald", "Korea Herald", "hyphen", "'", "portal"),
    ("The Korea Times", "Korea Times", "hyphen", "'", "portal"),
    ("Korea JoongAng Daily", "JoongAng", "hyphen", "'", "portal"),
    ("The Chosun Ilbo", "Chosun", "hyphen", "'", "portal"),
    ("Hankyoreh", "Hankyoreh", "hyphen", "'", "blog"),
    ("KCNA Watch", "KCNA", "spaced", "'", "wire"),
    ("NK News", "NK News", "spaced", "\u2019", "magazine"),
    ("Daily NK", "Daily NK", "spaced", "\u2019", "blog"),
    ("Arirang News", "Arirang", "hyphen", "'", "portal"),
    ("FN News Global", "FN News", "hyphen-cap", "'", "portal"),
    ("The Asia Business Daily", "Asia Business Daily", "spaced", "'", "portal"),
    ("Oilprice.com", "Oilprice", "spaced", "'", "magazine"),
    ("NE Global", "NE Global", "spaced", "\u2019", "magazine"),
    ("The Diplomat", "The Diplomat", "spaced", "\u2019", "magazine"),
    ("Nikkei Asia", "Nikkei", "spaced", "'", "magazine"),
    ("South China Morning Post", "SCMP", "hyphen", "'", "portal"),
    ("The Japan Times", "Japan Times", "spaced", "'", "portal"),
    ("Radio Free Asia", "RFA", "spaced", "'", "wire"),
    ("Voice of America", "VOA", "spaced", "'", "wire"),
    ("Kyodo News", "Kyodo", "spaced", "'", "wire"),
    ("Asia Times", "Asia Times", "any", "\u2019", "blog"),
    ("The Straits Times", "Straits Times", "spaced", "'", "portal"),
    ("38 North", "38 North", "spaced", "\u2019", "blog"),
    ("East Asia Forum", "East Asia Forum", "any", "\u2019", "blog"),
    ("Korea Pro", "Korea Pro", "any", "\u2019", "magazine"),
]

PLACES = ["Seoul", "Pyongyang", "Moscow", "Beijing", "Tokyo", "Washington", "Vladivostok", "Panmunjom",
          "Busan", "Singapore", "Hanoi", "Kaesong", "Wonsan", "Sinuiju", "Ulaanbaatar", "New York"]
COUNTRIES = ["Russia", "China", "Japan", "the U.S.", "North Korea", "South Korea", "Ukraine", "Mongolia"]
TOPICS = ["Military Pact", "Missile Launch", "Nuclear Talks", "Sanctions", "Summit", "Defense Deal",
          "Joint Drills", "Satellite Launch", "Border Tensions", "Trade Deal", "Arms Transfers",
          "Security Guarantee", "Peace Process", "Food Aid", "Spy Satellite", "Denuclearization",
          "Mutual Assistance Treaty", "Ballistic Missile Test", "Diplomatic Thaw", "Hotline"]
VERBS = ["Warns", "Meets", "Slams", "Hails", "Rejects", "Courts", "Urges", "Pressures", "Visits", "Backs"]

HEADLINES = [
    "{A} Warns {C} Over {T}",
    "{A} and {B} Sign {T} in {L}",
    "{A}{s} Visit to {L} Could Reshape Regional Security",
    "{A} {V} {B} as {T} Looms",
    "What {A}{s} {T} Means for {C}",
    "{L} Condemns {T} Between {C} and {C2}",
    "{A} Arrives in {L}... First Visit in {N} Years",
    "Analysis: The Fragile Friendship of {A} and {B}",
    "{C} Summons Envoy After {A} Comments on {T}",
    "{A} Says {C} Ready for {T} With {C2}",
    "Inside {A}{s} Push for {T}",
    "{T}: {A} and {B} Meet in {L}",
]

SECTIONS = ["Home", "North Korea", "Politics", "World", "National", "Business", "Economy", "Defense",
            "Opinion", "Editorials", "Features", "Video", "Photos", "Podcasts", "Markets", "Tech",
            "Culture", "Sports", "Newsletter", "Subscribe", "Log in", "Sign up", "Search"]

LIST_HEADINGS = ["Hot this week", "Related", "Related Articles", "Most Read", "Most Viewed",
                 "You may also like", "More Top Reads From {outlet}:", "Trending", "Latest News",
                 "Editor's Picks", "Recommended", "Popular Now"]

SHARE_PROMPTS = [["Share this article"], ["Share", "Facebook", "X", "LinkedIn", "Email"],
                 ["Share on Facebook", "Share on X", "Copy link"], ["Tweet", "Share", "Print", "Email"],
                 ["Share this story:", "Facebook | X | KakaoTalk | Email"]]

COMMENTERS = ["Mamdouh Salameh", "John Park", "Steve H.", "seoulwatcher", "D. Kim", "Mike R.", "Anna Lee",
              "peninsula_observer", "Tom Walker", "Jae", "Robert M.", "Hye-jin", "Carl", "Lisa Chen"]

REPORTERS = ["Kim Eun-jung", "Lee Haye-ah", "Park Boram", "Choi Soo-hyang", "Jeong Yeon-ju", "Michael Lee",
             "Jung Min-ho", "Ahn Sung-mi", "Colin Zwirko", "Chad O'Carroll", "Jeongmin Kim", "Shreyas Reddy",
             "RFE/RL staff", "Staff reporter", "Newsroom", "Jo He-rim", "Son Ji-hyoung", "Yoo Jee-ho"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
