"""The people of the demo register: Indonesian names, KTP numbers, addresses and phone
numbers that look and check like real ones, drawn from a seeded random generator so that the
same seed always gives the same register.

The cooperative stands in Kabupaten Sleman (DI Yogyakarta), so most members live in Sleman and
the city of Yogyakarta and carry a KTP issued there; the rest came from elsewhere, as students
and workers do, and keep a KTP of their home regency. Names follow the member's background
(Javanese, Sundanese, Batak, Minang, Bugis, Catholic names of NTT, common Muslim names) and
always match the member's sex, which the NIK repeats (women add 40 to the day of birth).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from stdnum import numdb

from assembly.domain.members import Sex


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _names(text: str) -> tuple[str, ...]:
    """Names separated by commas (a name may have spaces or an apostrophe)."""
    return tuple(n.strip() for n in text.split(",") if n.strip())


@dataclass(frozen=True)
class _Background:
    """Where a member's family comes from: how their names are made and which province their
    KTP may come from when it is not a local one."""

    weight: int
    first_male: tuple[str, ...]
    first_female: tuple[str, ...]
    last_male: tuple[str, ...]
    last_female: tuple[str, ...]
    province: str
    female_marker: str = ""  # "br." before a Batak woman's marga


_JAVANESE = _Background(
    50,
    _words(
        "Sutrisno Bambang Joko Budi Agus Slamet Suparman Sugeng Wahyu Hartono Widodo Suryadi "
        "Heru Teguh Purnomo Sarwono Darmaji Mulyadi Subagyo Triyono Eko Dwi Bayu Prasetyo "
        "Nugroho Kuncoro Gunawan Haryanto Yulianto Priyanto Sukirno Paijo Ngadiman Tukiman "
        "Ponijo Sumarno Rudi Andri Aris Didik Hadi Imam Jumadi Kardi Lilik Marsudi Narto "
        "Parjo Rohmad Sapto Tri Wagiman Yanto Danang Galih Wisnu Fajar Anton Sigit Tugiyo"
    ),
    _words(
        "Sri Siti Sumarni Suwarni Tri Endang Sulastri Puji Rini Dwi Wulandari Ratna Kartini "
        "Suparmi Sukarti Tumini Ngatini Painem Sumiyati Yuliani Setyaningsih Rahayu Retno "
        "Indah Purwanti Lestari Ambarwati Handayani Susilowati Kusumawati Widyastuti Sri "
        "Tuminah Parsini Sarinah Wartini Yuni Anik Erna Heni Ika Lusi Mujiati Nanik Ninik "
        "Partini Rukmini Sunarti Tatik Warsini Yatmi Dyah Galuh Ayu Kurnia Novita Sekar"
    ),
    _words(
        "Santoso Wibowo Prasetyo Nugroho Susanto Kurniawan Hidayat Saputra Setiawan Purnomo "
        "Hartono Wijaya Utomo Raharjo Sutanto Handoko Sulistyo Wicaksono Pamungkas Nugraha "
        "Suryanto Haryadi Wahyudi Riyadi Sudarmaji Priyambodo Kusnadi Mulyono Sarjono"
    ),
    _words(
        "Lestari Rahayu Wahyuni Handayani Susanti Wulandari Astuti Pratiwi Kurniasih Ningsih "
        "Puspitasari Anggraini Rahmawati Safitri Purwaningsih Setyowati Sulistyowati "
        "Nurhayati Mulyani Suryani Fitriani Kusumaningrum Wijayanti Maharani Utami"
    ),
    "33",
)
_SUNDANESE = _Background(
    8,
    _words(
        "Asep Ujang Dadang Cecep Yayan Usep Entis Iwan Engkus Jajang Dadan Aceng Deden "
        "Endang Ade Dede Ayi Hendi Ujang Wawan Yana Dodi Agus Rahmat Ruslan"
    ),
    _words(
        "Euis Neneng Imas Cucu Enung Iis Yeti Entin Elis Nining Teti Popon Lilis Rina "
        "Nenden Ai Eneng Yayah Titin Lina Ela Omah Dedeh Nia Ratih"
    ),
    _words(
        "Sunarya Suhendar Hidayat Permana Ruhiyat Kurnia Sopandi Saepudin Supriatna Gumelar "
        "Mulyana Setiadi Suherman Sutisna Rachmat Hermawan Sumantri Wiradinata"
    ),
    _words(
        "Rosmiati Suryani Nurhayati Komalasari Kurniasih Maryati Hasanah Rohaeti Nurlela "
        "Kartika Sumiati Fitriani Permatasari Mulyati Juariah Sukaesih"
    ),
    "32",
)
_BATAK = _Background(
    6,
    _words(
        "Tumpal Parulian Binsar Sahat Torang Hotman Poltak Martua Togar Bonar Robert Jonson "
        "Daniel Maruli Sabar Hasudungan Partogi Marihot Jansen Rudolf Saut Tigor"
    ),
    _words(
        "Romauli Rosmawati Tiurma Lasma Dame Sondang Hotnida Rugun Rotua Nurmala Rosdiana "
        "Intan Mertiana Resmi Lamria Tiominar Rosta Hotmaria Ruth Lenny"
    ),
    _words(
        "Simanjuntak Siregar Nainggolan Sitompul Hutapea Panjaitan Sinaga Situmorang "
        "Manurung Simatupang Pasaribu Hutagalung Lubis Nasution Harahap Sihombing Tambunan "
        "Silalahi Sitorus Napitupulu Marpaung Siahaan Purba Pardede"
    ),
    (),
    "12",
    female_marker="br.",
)
_MINANG = _Background(
    5,
    _words(
        "Afrizal Zulkifli Syafrizal Yusrizal Erizal Hendri Syamsul Nofrizal Ridwan Irwan "
        "Dasril Zainal Fadli Yulizar Masrizal Asril Zulhendri Efendi Jasman Darmawan"
    ),
    _words(
        "Yusnidar Nurhasni Erniwati Yanti Desmawati Rosnelly Asnimar Zurmawati Yulnida "
        "Nofrita Elfi Yusmaniar Nurlaili Rosmaini Helmi Syafridawati Nelmawati Ernita"
    ),
    _words("Chaniago Piliang Koto Sikumbang Tanjung Jambak Caniago Sinaga"),
    (),
    "13",
)
_BUGIS = _Background(
    4,
    _names(
        "Andi Baso, Andi Muhammad Yusuf, Baharuddin, Hasanuddin, Muhammad Ilyas, Syamsul Alam, "
        "Abdul Rahman, Ambo Tang, Arsyad, Jamaluddin, Syamsuddin, Nasrullah, Mappiare, "
        "Sudirman, Amiruddin, Rusli, Kamaruddin, Andi Amran"
    ),
    _names(
        "Andi Nurhayati, Hasnawati, Sitti Hadijah, Nurbaya, Sitti Aisyah, Hasmiah, Rosmini, "
        "Marwah, Andi Tenri, Hasniati, Nurhaedah, Sitti Rahmah, Sukmawati, Haslinda"
    ),
    _words("Lamba Baso Bakri Latif Daeng Tahir Sulaiman Mansyur Rahim"),
    _words("Latif Daeng Tahir Rahim Bakri Mansyur Sulaiman"),
    "73",
)
_NTT_CATHOLIC = _Background(
    5,
    _words(
        "Yohanes Petrus Paulus Fransiskus Yosef Antonius Agustinus Dominikus Markus Stefanus "
        "Aloysius Kornelis Bernardus Gabriel Yakobus Mikael Benediktus Laurensius Vinsensius"
    ),
    _words(
        "Maria Theresia Yosefina Margaretha Agnes Veronika Skolastika Elisabeth Fransiska "
        "Anastasia Katarina Bernadeta Yuliana Kristina Lusia Magdalena Yasinta Regina"
    ),
    _words(
        "Ndun Bria Nahak Seran Manek Tefa Kase Lake Bere Tallo Fanggidae Ratu Ngongo Wadu "
        "Dethan Pello Haning Parera Kleden Lewar Koten Sogen Bataona Making Ola Hurek"
    ),
    _words(
        "Ndun Bria Nahak Seran Manek Tefa Kase Lake Bere Tallo Fanggidae Ratu Ngongo Wadu "
        "Dethan Pello Haning Parera Kleden Lewar Koten Sogen Bataona Making Ola Hurek"
    ),
    "53",
)
_MUSLIM = _Background(
    18,
    _names(
        "Muhammad, Ahmad, Abdul Rohman, Fauzi, Rizki, Syaiful, Arif, Hendra, Taufik, Ilham, "
        "Hasan, Husein, Zainal Arifin, Mochamad, Imam Syafi'i, Ma'ruf, Nur Cholis, Abdullah, "
        "Luqman Hakim, Khoirul Anam, Fathur Rohman, Ridwan, Yusuf, Ismail, Rasyid, Hamzah"
    ),
    _names(
        "Siti Nurjanah, Nur Aini, Fatimah, Khadijah, Aisyah, Nurul Hidayah, Siti Maryam, "
        "Ummi Kalsum, Halimah, Zulaikha, Nurjanah, Fitri, Annisa, Laila, Siti Khotijah, "
        "Nur Hasanah, Umi Salamah, Rohmah, Mu'awanah, Zahrotun Nisa, Latifah, Musyarofah"
    ),
    _names(
        "Ramadhan, Hidayatullah, Fauzan, Maulana, Syahputra, Rahman, Hakim, Mubarok, "
        "Ma'arif, Firdaus, Anwar, Ashari, Zuhdi, Muttaqin, Amrullah"
    ),
    _names(
        "Rahmawati, Nurhidayati, Khasanah, Zahra, Mufidah, Azizah, Hidayati, Marfu'ah, "
        "Fauziah, Sholihah, Masruroh, Nur Azizah, Munawaroh"
    ),
    "35",
)
_JAVANESE_CATHOLIC = _Background(
    4,
    _words(
        "Antonius Yohanes Ignatius Fransiskus Paulus Petrus Yosef Aloysius Agustinus "
        "Christophorus Gregorius Robertus Stefanus Valentinus"
    ),
    _words(
        "Maria Christina Theresia Agatha Bernadetta Caecilia Fransisca Monica Yustina "
        "Elisabeth Margaretha Veronica Scholastica Anastasia"
    ),
    _words(
        "Sugiyanto Budi Santoso Hadi Purnomo Suharjono Sukamto Widodo Sumardi Suwarno "
        "Haryono Wiyono Subagyo"
    ),
    _words(
        "Sri Lestari Wulandari Sumarni Rahayu Purwanti Setyaningsih Suharti Tri Wahyuni "
        "Endang Sulastri Sri Hartini"
    ),
    "33",
)
BACKGROUNDS: tuple[_Background, ...] = (
    _JAVANESE,
    _SUNDANESE,
    _BATAK,
    _MINANG,
    _BUGIS,
    _NTT_CATHOLIC,
    _MUSLIM,
    _JAVANESE_CATHOLIC,
)
_WEIGHTS = tuple(b.weight for b in BACKGROUNDS)

# Where the members live: villages (desa) of Kabupaten Sleman and kelurahan of Kota Yogyakarta,
# each with its kecamatan. The KTP region code follows: 3404 Sleman, 3471 Kota Yogyakarta.
_SLEMAN = {
    "Depok": ("Caturtunggal", "Condongcatur", "Maguwoharjo"),
    "Ngaglik": ("Sinduharjo", "Sardonoharjo", "Minomartani", "Sukoharjo", "Sariharjo"),
    "Mlati": ("Sinduadi", "Sendangadi", "Tlogoadi", "Tirtoadi", "Sumberadi"),
    "Gamping": ("Ambarketawang", "Banyuraden", "Nogotirto", "Trihanggo", "Balecatur"),
    "Kalasan": ("Purwomartani", "Tirtomartani", "Tamanmartani", "Selomartani"),
    "Ngemplak": ("Wedomartani", "Umbulmartani", "Widodomartani", "Bimomartani"),
    "Sleman": ("Caturharjo", "Triharjo", "Tridadi", "Pandowoharjo", "Trimulyo"),
    "Godean": ("Sidoarum", "Sidoagung", "Sidokarto", "Sidomulyo"),
    "Pakem": ("Harjobinangun", "Pakembinangun", "Hargobinangun", "Candibinangun"),
}
_YOGYAKARTA = {
    "Gondokusuman": ("Terban", "Kotabaru", "Baciro", "Demangan", "Klitren"),
    "Jetis": ("Bumijo", "Gowongan", "Cokrodiningratan"),
    "Tegalrejo": ("Bener", "Kricak", "Karangwaru", "Tegalrejo"),
    "Umbulharjo": ("Muja Muju", "Semaki", "Warungboto", "Pandeyan", "Sorosutan", "Giwangan"),
}
_STREETS = _names(
    "Kaliurang, Palagan Tentara Pelajar, Magelang, Solo, Gejayan, Affandi, Seturan Raya, "
    "Damai, Godean, Monjali, Wahid Hasyim, Perumnas, Anggajaya, Tajem, Cendrawasih, Melati, "
    "Kenanga, Flamboyan, Sembada, Rajawali, Nusa Indah, Mawar, Pandega Marta, Sorowajan"
)
_ALLEYS = _names("Melati, Mawar, Kenari, Cempaka, Dahlia, Anggrek, Nangka, Sawo, Pelem, Jambu")
_DUSUN = _names(
    "Jetis, Kledokan, Pogung, Karangwuni, Tambakbayan, Ngentak, Sambilegi, Karangasem, "
    "Ngringin, Gancahan, Sawahan, Krapyak, Jongke, Ngabean, Blimbingsari, Nglaren, Kadisoka"
)
_HOUSING = _names("Griya Taman Asri, Pondok Permai, Candi Gebang Permai, Nogotirto Elok")
_PHONE_PREFIXES = _words(
    "0811 0812 0813 0821 0822 0823 0852 0853 0851 0815 0816 0856 0857 0858 0877 0878 "
    "0817 0818 0819 0838 0831 0832 0895 0896 0897 0898 0881 0882 0887"
)


def _regencies() -> dict[str, tuple[str, ...]]:
    """Every regency code (4 digits) of stdnum's region list, by province code."""
    found: dict[str, tuple[str, ...]] = {}
    for _length, low, _high, _info, children in numdb.get("id/loc").prefixes:
        found[low] = tuple(low + child[1] for child in children)
    return found


@dataclass(frozen=True)
class Person:
    """One demo person: who they are before they join the cooperative."""

    name: str
    sex: Sex
    birth_date: dt.date
    nik: str | None
    address: str
    phone: str


class PeopleMaker:
    """Makes demo people from a seeded generator; a NIK is never made twice."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._regencies = _regencies()
        self._niks: set[str] = set()

    def person(self, joined_on: dt.date) -> Person:
        """Someone who was an adult (17 to 60) on ``joined_on``."""
        rng = self._rng
        background = rng.choices(BACKGROUNDS, _WEIGHTS)[0]
        sex = Sex.MALE if rng.random() < 0.5 else Sex.FEMALE
        age = rng.randint(17, 60)
        birth = joined_on - dt.timedelta(days=age * 365 + rng.randint(0, 364))
        nik = self._nik(background, sex, birth) if rng.random() < 0.97 else None
        phone = self._phone() if rng.random() < 0.9 else ""
        return Person(self._name(background, sex), sex, birth, nik, self._address(), phone)

    def _name(self, b: _Background, sex: Sex) -> str:
        rng = self._rng
        if sex is Sex.MALE:
            first, last = rng.choice(b.first_male), b.last_male
        else:
            first, last = rng.choice(b.first_female), b.last_female or b.last_male
        if b is _NTT_CATHOLIC and rng.random() < 0.4:
            saints: tuple[str, ...] = ("Don Bosko", "Xaverius", "Paskalis", "Benediktus")
            if sex is Sex.FEMALE:
                saints = ("Goreti", "Imakulata", "Fatima", "Magdalena", "Yasinta", "Lusia")
            first = f"{first} {rng.choice(saints)}"
        if not last or (b is not _BATAK and rng.random() < 0.15):
            return first
        surname = rng.choice(last)
        if surname == first:
            return first
        if b.female_marker and sex is Sex.FEMALE:
            return f"{first} {b.female_marker} {surname}"
        return f"{first} {surname}"

    def _nik(self, b: _Background, sex: Sex, birth: dt.date) -> str:
        """A NIK that python-stdnum accepts: a real regency, the birth date (day + 40 for a
        woman), and a serial number that makes it unique."""
        rng = self._rng
        draw = rng.random()
        province = "34" if draw < 0.7 else b.province
        if province == "34":
            regency = rng.choices(("3404", "3471", "3402", "3401", "3403"), (60, 25, 8, 4, 3))[0]
        else:
            regency = rng.choice(self._regencies[province])
        day = birth.day + (40 if sex is Sex.FEMALE else 0)
        stem = f"{regency}{rng.randint(1, 17):02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}"
        while True:
            nik = f"{stem}{rng.randint(1, 2999):04d}"
            if nik not in self._niks:
                self._niks.add(nik)
                return nik

    def _address(self) -> str:
        rng = self._rng
        rt, rw = rng.randint(1, 15), rng.randint(1, 30)
        neighbourhood = f"RT {rt:03d}/RW {rw:03d}"
        city = rng.random() < 0.3
        if city:
            kecamatan = rng.choice(tuple(_YOGYAKARTA))
            place = f"Kel. {rng.choice(_YOGYAKARTA[kecamatan])}, Kec. {kecamatan}, Yogyakarta"
        else:
            kecamatan = rng.choice(tuple(_SLEMAN))
            place = f"Desa {rng.choice(_SLEMAN[kecamatan])}, Kec. {kecamatan}"
        form = rng.random()
        number = rng.randint(1, 120)
        street = rng.choice(_STREETS)
        if form < 0.45 or (city and form >= 0.65):
            line = f"Jl. {street} No. {number}"
        elif form < 0.65:
            alley = rng.choice([a for a in _ALLEYS if a != street])
            line = f"Gg. {alley} No. {number}, Jl. {street}"
        elif form < 0.92:
            line = f"Dusun {rng.choice(_DUSUN)}"
        else:
            block = rng.choice("ABCDEF")
            line = f"Perum {rng.choice(_HOUSING)} Blok {block}-{number % 40 + 1}"
        return f"{line}, {neighbourhood}, {place}"

    def _phone(self) -> str:
        rng = self._rng
        prefix = rng.choice(_PHONE_PREFIXES)
        rest = rng.randint(7, 9)
        return f"{prefix}{rng.randrange(10**rest):0{rest}d}"
