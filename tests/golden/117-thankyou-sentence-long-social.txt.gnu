corpus/117-thankyou-sentence-long-social.txt:3:68: note: This sentence has 48 words; split it into two or three shorter ones so the reader gets the point on the first pass. [FollowUp.SentenceLength]
corpus/117-thankyou-sentence-long-social.txt:5:1: note: This sentence has 42 words; split it into two or three shorter ones so the reader gets the point on the first pass. [FollowUp.SentenceLength]
# exit 0
